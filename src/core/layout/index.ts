export * from './a1';
export * from './labels';
export * from './workbook';
export * from './locate';
export * from './read';
export * from './document';
export * from './reviews';
export * from './problem-list';
