export * from './types';
export * from './declarations';
export * from './checks';
export * from './engine';
export { makeFinding } from './finding';
export * from './reviews';
export * from './groups';
