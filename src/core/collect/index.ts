export * from './units';
export * from './region';
export * from './sheets';
export * from './dashboard';
