import { z } from 'zod';
import type { BlockDefinition, GraphEdge, GraphNode, ModelGraph } from '../graph/document.js';
import type { DeclaredDataset } from './datasets.js';
import { recipeSchema, type Recipe } from './recipe.js';

/** The format version this build writes; older files are migrated up to it on load. */
export const CURRENT_FORMAT_VERSION = 3;

/** File extension of project files. */
export const PROJECT_EXTENSION = '.strata';

const id = z.string().min(1);

/** One node; its `params` stay unchecked here because the catalogue validates them per kind. */
export const nodeSchema: z.ZodType<GraphNode> = z.object({
  id,
  kind: z.string().min(1),
  name: z.string().optional(),
  params: z.record(z.string(), z.unknown()),
  position: z.object({ x: z.number(), y: z.number() }),
});

export const edgeSchema: z.ZodType<GraphEdge> = z.object({
  id,
  source: id,
  target: id,
  targetPort: z.number().int().min(0),
});

/** A model or block without its nodes and edges, which are checked one by one so one bad node can be dropped. */
export const modelShellSchema = z.object({
  id,
  name: z.string(),
  nodes: z.array(z.unknown()),
  edges: z.array(z.unknown()),
});

export const blockShellSchema = modelShellSchema.extend({
  inputs: z.array(id),
  output: id,
});

export const metadataSchema = z.object({
  /** What the project is for, shown in the template picker and the CLI. */
  description: z.string().optional(),
  /** The template the project was created from. */
  template: z.string().optional(),
});

/** Free-form information about a project. @public */
export type ProjectMetadata = z.output<typeof metadataSchema>;

/** The top level of a current-version file, with models and blocks left for per-item checks. */
export const projectShellSchema = z.object({
  formatVersion: z.literal(CURRENT_FORMAT_VERSION),
  name: z.string(),
  models: z.array(z.unknown()),
  blocks: z.array(z.unknown()),
  recipe: recipeSchema,
  /** Declared datasets, checked one by one so one bad declaration can be dropped. */
  datasets: z.array(z.unknown()).optional(),
  metadata: metadataSchema.optional(),
});

/** A project document: what a `.strata` file holds. @public */
export interface Project {
  formatVersion: typeof CURRENT_FORMAT_VERSION;
  name: string;
  models: ModelGraph[];
  blocks: BlockDefinition[];
  recipe: Recipe;
  /** The user's data and downloads the recipe may name (shared/project/datasets.ts). */
  datasets?: DeclaredDataset[];
  metadata?: ProjectMetadata;
}
