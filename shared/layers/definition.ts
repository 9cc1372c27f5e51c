import type { z } from 'zod';
import type { TensorShape } from './shape.js';

/** Families group the palette and colour the nodes. */
export const LAYER_FAMILIES = [
  'io',
  'core',
  'activation',
  'reshape',
  'convolution',
  'pooling',
  'normalization',
  'embedding',
  'recurrent',
  'attention',
  'transformer',
  'merge',
] as const;
export type LayerFamily = (typeof LAYER_FAMILIES)[number];

/** What a shape rule can find wrong; the graph validator adds codes of its own. */
export type ShapeIssueCode = 'rank-mismatch' | 'size-mismatch' | 'merge-mismatch' | 'bad-param';

/** Why a layer cannot accept its inputs: a plain message and how to fix it. */
export interface ShapeIssue {
  code: ShapeIssueCode;
  message: string;
  hint: string;
  /** The input port at fault, when it is one. */
  port?: number;
  /** The parameter at fault, when it is one. */
  param?: string;
}

export type ShapeResult = { ok: true; shape: TensorShape } | { ok: false; issue: ShapeIssue };

export interface ParamCount {
  trainable: number;
  nonTrainable: number;
}

/** A node's resolved parameters and shapes, handed to the counting rules. */
export interface LayerContext<P> {
  params: P;
  inputs: readonly TensorShape[];
  output: TensorShape;
}

/** A node inside a composite layer's expansion (see {@link LayerDefinition.expand}). */
export interface ExpansionNode {
  id: string;
  kind: string;
  params: Record<string, unknown>;
  /** Ids of the nodes feeding each input port, in port order; `$in0`, `$in1`… are the composite's inputs. */
  inputs: readonly string[];
}

/**
 * Everything Strata knows about one kind of layer. The palette, the inspector form, shape
 * inference, validation, counts and every compiler read this; nothing else describes a layer.
 * @public
 */
export interface LayerDefinition<K extends string = string, S extends z.ZodObject = z.ZodObject> {
  kind: K;
  family: LayerFamily;
  label: string;
  /** One line for the palette tooltip. */
  docs: string;
  /** Parameters with defaults, ranges and `.describe()` docs; the inspector form is built from it. */
  params: S;
  /** How many inputs the node takes (`max: Infinity` for merges). */
  arity: { min: number; max: number };
  /** Names of the input ports when there are several, e.g. `['query', 'key/value']`. */
  portNames?: readonly string[];
  inferShape(inputs: readonly TensorShape[], params: z.output<S>): ShapeResult;
  countParams(ctx: LayerContext<z.output<S>>): ParamCount;
  /** Multiply-adds for one example (batch of 1). */
  countMacs(ctx: LayerContext<z.output<S>>): number;
  /** Composite layers only: the same computation as a subgraph of simpler layers; the last node is the output. */
  expand?(params: z.output<S>, inputs: readonly TensorShape[]): ExpansionNode[];
}

/** Keeps the literal kind and exact parameter schema of a definition for typed target tables. */
export function defineLayer<const K extends string, S extends z.ZodObject>(
  definition: LayerDefinition<K, S>,
): LayerDefinition<K, S> {
  return definition;
}

export const NO_PARAMS: ParamCount = { trainable: 0, nonTrainable: 0 };

export function ok(shape: TensorShape): ShapeResult {
  return { ok: true, shape };
}

export function fail(issue: ShapeIssue): ShapeResult {
  return { ok: false, issue };
}
