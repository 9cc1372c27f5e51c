import type { BuilderTable } from '../builder.js';

/** Placeholder until this family lands. */
export const sequenceBuilders: BuilderTable<never> = {};
