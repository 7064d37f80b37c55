export * from './types';
export * from './definitions';
export * from './checks';
export * from './messages';
export * from './engine';
