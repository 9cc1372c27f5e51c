import { DOWNLOADABLE_IDS } from '../datasets.js';
import type { MigrationStep, RawDocument } from '../migrations.js';

const isObject = (value: unknown): value is RawDocument =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Version 3 lets a project declare its datasets. A version-2 recipe could only name a dataset by
 * id; one naming a downloadable set (which version 2 could not train on) now gets a declared
 * `download` dataset of the same id, so the file keeps meaning what it said.
 */
export const v2ToV3: MigrationStep = {
  from: 2,
  describe: 'declared datasets; a recipe naming a downloadable set declares it',
  up(doc) {
    const recipe = isObject(doc.recipe) ? doc.recipe : undefined;
    const named = typeof recipe?.dataset === 'string' ? recipe.dataset : undefined;
    const downloadable = (DOWNLOADABLE_IDS as readonly string[]).includes(named ?? '');
    const datasets =
      named !== undefined && downloadable
        ? [{ id: named, kind: 'download', files: {}, options: { set: named } }]
        : [];
    return { ...doc, datasets };
  },
};
