import type { BlockDefinition, ModelGraph } from '../graph/document.js';
import type { z } from 'zod';
import { recipeSchema, type Recipe } from '../project/recipe.js';
import { CURRENT_FORMAT_VERSION, type Project } from '../project/schema.js';

/** A built-in example project, offered by `strata new --template` and the start screen. @public */
export interface Template {
  /** Stable id used on the command line, e.g. `mnist-cnn`. */
  name: string;
  /** One line on what it builds and what it learns. */
  description: string;
  project: Project;
}

/** Training settings most templates share; each template overrides what its task needs. */
const baseRecipe = { batchSize: 64, epochs: 5 };

/** Builds a template's project; the recipe trains the first model on `dataset`. */
export function template(spec: {
  name: string;
  title: string;
  description: string;
  models: ModelGraph[];
  blocks?: BlockDefinition[];
  recipe: Pick<Recipe, 'task' | 'dataset'> & Partial<z.input<typeof recipeSchema>>;
}): Template {
  const { name, title, description, models, blocks = [], recipe } = spec;
  return {
    name,
    description,
    project: {
      formatVersion: CURRENT_FORMAT_VERSION,
      name: title,
      models,
      blocks,
      // Parsing fills in every training setting the template leaves at its default.
      recipe: recipeSchema.parse({ ...baseRecipe, model: models[0].id, ...recipe }),
      metadata: { description, template: name },
    },
  };
}
