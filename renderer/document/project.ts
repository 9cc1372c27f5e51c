import type { BlockDefinition, ModelGraph } from '../../shared/graph/document.js';
import { recipeSchema, type Recipe } from '../../shared/project/recipe.js';
import { CURRENT_FORMAT_VERSION } from '../../shared/project/schema.js';

/**
 * The project as the editor holds it: the parts it edits, typed, and everything else kept as
 * loaded so that saving never loses fields this version of the editor does not know.
 * @public
 */
export interface ProjectDoc {
  name: string;
  models: ModelGraph[];
  blocks: BlockDefinition[];
  /** The training recipe; edited by the training views, carried untouched here. */
  recipe: Recipe | undefined;
  rest: Record<string, unknown>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads a document main sent (already validated and migrated there) into the editor's shape. */
export function readProject(raw: Record<string, unknown>): ProjectDoc {
  const { name, models, blocks, recipe, ...rest } = raw;
  const modelList = Array.isArray(models) ? (models as ModelGraph[]) : [];
  return {
    name: typeof name === 'string' ? name : 'Untitled',
    models: modelList.length > 0 ? modelList : [emptyModel('model', 'Model')],
    blocks: Array.isArray(blocks) ? (blocks as BlockDefinition[]) : [],
    // main validated the document; the recipe is passed through as it came.
    recipe: isRecord(recipe) ? (recipe as Recipe) : undefined,
    rest,
  };
}

/** The JSON document to send to main for saving. */
export function writeProject(doc: ProjectDoc): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ...doc.rest,
    name: doc.name,
    models: doc.models,
    blocks: doc.blocks,
  };
  if (doc.recipe !== undefined) out.recipe = doc.recipe;
  return out;
}

/** A model with no layers. */
export function emptyModel(id: string, name: string): ModelGraph {
  return { id, name, nodes: [], edges: [] };
}

/** A new, unsaved project: one empty model, trained as an MNIST classifier until the user says otherwise. */
export function blankProject(): ProjectDoc {
  return {
    name: 'Untitled',
    models: [emptyModel('model', 'Model')],
    blocks: [],
    // Parsed so that fields the schema defaults (optimizer settings) are filled in.
    recipe: recipeSchema.parse({
      task: 'classification',
      model: 'model',
      dataset: 'mnist',
      optimizer: { name: 'adam', learningRate: 0.001 },
      batchSize: 64,
      epochs: 5,
      validationSplit: 0.1,
    }),
    rest: { formatVersion: CURRENT_FORMAT_VERSION },
  };
}
