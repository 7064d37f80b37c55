export * from './read';
export * from './compare';
