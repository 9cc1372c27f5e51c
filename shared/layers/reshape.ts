/** Placeholder until this family lands. */
export const reshapeLayers = {};
