import type { BlockDefinition, ModelGraph } from '../graph/document.js';
import type { z } from 'zod';
import { recipeSchema, type Recipe } from '../project/recipe.js';
import { CURRENT_FORMAT_VERSION, type Project } from '../project/schema.js';
import { templateLayouts } from './layouts.js';

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

/** A model at its stored layout (the editor's Auto layout), where one is stored for it. */
function placed(template: string, model: ModelGraph): ModelGraph {
  const layout = templateLayouts[template]?.[model.id];
  if (!layout) return model;
  return {
    ...model,
    nodes: model.nodes.map((node) => {
      const at = layout[node.id];
      return at ? { ...node, position: { x: at[0], y: at[1] } } : node;
    }),
  };
}

/** Builds a template's project; the recipe trains the first model on `dataset`. */
export function template(spec: {
  name: string;
  title: string;
  description: string;
  models: ModelGraph[];
  blocks?: BlockDefinition[];
  recipe: Pick<Recipe, 'task' | 'dataset'> & Partial<z.input<typeof recipeSchema>>;
}): Template {
  const { name, title, description, blocks = [], recipe } = spec;
  const models = spec.models.map((model) => placed(name, model));
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
