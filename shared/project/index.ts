export * from './issues.js';
export * from './load.js';
export * from './recipe.js';
export * from './schema.js';
export * from './serialize.js';
