export * from './format';
export * from './values';
export * from './report';
export * from './rules';
export * from './layout';
export * from './narrative';
export * from './config';
