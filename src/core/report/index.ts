export * from './types';
export * from './json';
export * from './body';
