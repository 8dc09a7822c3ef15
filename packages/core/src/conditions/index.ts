export * from './complexity.js';
export * from './context.js';
export * from './evaluate.js';
