export * from './read';
export * from './compare';
export * from './dates';
