export * from './activations.js';
export * from './catalogue.js';
export * from './definition.js';
export * from './io.js';
export * from './shape.js';
