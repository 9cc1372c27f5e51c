import type { z } from 'zod';
import type { GraphBody, GraphEdge, GraphNode } from '../graph/document.js';
import { restoreDatasets } from './restore-datasets.js';
import { formatPath, zodIssues, type LoadIssue } from './issues.js';
import {
  blockShellSchema,
  edgeSchema,
  modelShellSchema,
  nodeSchema,
  projectShellSchema,
  type Project,
} from './schema.js';

/** A project rebuilt from a file, with what had to be dropped to load it. */
export type Restored =
  { ok: true; project: Project; repairs: LoadIssue[] } | { ok: false; errors: LoadIssue[] };

/**
 * Keeps every valid node and edge of a graph and reports the rest, as excalidraw's `restore`
 * does: a node with a bad field, a duplicate id, or an edge to a missing node is dropped.
 */
export function restoreBody(
  raw: { nodes: unknown[]; edges: unknown[] },
  at: readonly PropertyKey[],
  repairs: LoadIssue[],
): GraphBody {
  const nodes: GraphNode[] = [];
  const ids = new Set<string>();
  raw.nodes.forEach((value, i) => {
    const path = [...at, 'nodes', i];
    const parsed = nodeSchema.safeParse(value);
    if (!parsed.success) {
      repairs.push(...zodIssues(parsed.error.issues, path, '; the node was dropped'));
    } else if (ids.has(parsed.data.id)) {
      repairs.push(dropped(path, `duplicate node id "${parsed.data.id}"; the node was dropped`));
    } else {
      ids.add(parsed.data.id);
      nodes.push(parsed.data);
    }
  });

  const edges: GraphEdge[] = [];
  const edgeIds = new Set<string>();
  raw.edges.forEach((value, i) => {
    const path = [...at, 'edges', i];
    const parsed = edgeSchema.safeParse(value);
    if (!parsed.success) {
      repairs.push(...zodIssues(parsed.error.issues, path, '; the edge was dropped'));
      return;
    }
    const edge = parsed.data;
    const missing = [edge.source, edge.target].find((end) => !ids.has(end));
    if (missing !== undefined) {
      const end = missing === edge.source ? 'source' : 'target';
      repairs.push(dropped([...path, end], `no node with id "${missing}"; the edge was dropped`));
    } else if (edgeIds.has(edge.id)) {
      repairs.push(dropped(path, `duplicate edge id "${edge.id}"; the edge was dropped`));
    } else {
      edgeIds.add(edge.id);
      edges.push(edge);
    }
  });
  return { nodes, edges };
}

const dropped = (path: readonly PropertyKey[], message: string): LoadIssue => ({
  path: formatPath(path),
  message,
});

/** Checks one model or block's own fields; on failure the whole item is dropped. */
function shell<S extends z.ZodType>(
  schema: S,
  value: unknown,
  path: readonly PropertyKey[],
  what: string,
  repairs: LoadIssue[],
): z.output<S> | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  repairs.push(...zodIssues(parsed.error.issues, path, `; the ${what} was dropped`));
  return undefined;
}

/** Builds a {@link Project} from a current-version document, dropping what cannot be kept. */
export function restoreProject(doc: unknown): Restored {
  const top = projectShellSchema.safeParse(doc);
  if (!top.success) return { ok: false, errors: zodIssues(top.error.issues) };
  const { models: rawModels, blocks: rawBlocks, datasets: rawDatasets, ...rest } = top.data;
  const repairs: LoadIssue[] = [];
  const datasets = rawDatasets && restoreDatasets(rawDatasets, repairs);

  const models: Project['models'] = [];
  rawModels.forEach((value, i) => {
    const model = shell(modelShellSchema, value, ['models', i], 'model', repairs);
    if (!model) return;
    if (models.some((m) => m.id === model.id)) {
      repairs.push(
        dropped(['models', i, 'id'], `duplicate model id "${model.id}"; the model was dropped`),
      );
      return;
    }
    models.push({ id: model.id, name: model.name, ...restoreBody(model, ['models', i], repairs) });
  });

  const blocks: Project['blocks'] = [];
  rawBlocks.forEach((value, i) => {
    const block = shell(blockShellSchema, value, ['blocks', i], 'block', repairs);
    if (!block) return;
    const body = restoreBody(block, ['blocks', i], repairs);
    const ids = new Set(body.nodes.map((n) => n.id));
    const lost = [...block.inputs, block.output].find((port) => !ids.has(port));
    if (lost !== undefined) {
      repairs.push(dropped(['blocks', i], `port node "${lost}" is missing; the block was dropped`));
      return;
    }
    const { id, name, inputs, output } = block;
    blocks.push({ id, name, inputs, output, ...body });
  });

  if (models.length === 0) {
    const errors = [...repairs, { path: 'models', message: 'the file has no usable model' }];
    return { ok: false, errors };
  }
  const project: Project = { ...rest, models, blocks, ...(datasets ? { datasets } : {}) };
  const errors = checkRecipeModels(project);
  return errors.length > 0
    ? { ok: false, errors: [...repairs, ...errors] }
    : { ok: true, project, repairs };
}

/** The recipe must name models the project holds. */
function checkRecipeModels(project: Project): LoadIssue[] {
  const ids = new Set(project.models.map((m) => m.id));
  const { model, discriminator } = project.recipe;
  const errors: LoadIssue[] = [];
  if (!ids.has(model))
    errors.push({ path: 'recipe.model', message: `no model with id "${model}"` });
  if (discriminator !== undefined && !ids.has(discriminator)) {
    errors.push({ path: 'recipe.discriminator', message: `no model with id "${discriminator}"` });
  }
  return errors;
}
