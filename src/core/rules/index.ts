export * from './types';
export * from './declarations';
export * from './checks';
export * from './engine';
export { makeFinding } from './finding';
