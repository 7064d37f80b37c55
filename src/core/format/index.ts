export * from './types';
export * from './build';
export * from './revision';
export * from './revisions';
