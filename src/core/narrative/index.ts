export * from './figures';
export * from './similarity';
