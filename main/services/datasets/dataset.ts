import type { DatasetSchema } from '../../../shared/datasets/catalogue.js';
import type { ExampleSource } from './example-source.js';

/** The three disjoint parts of a dataset. @public */
export type Split = 'train' | 'validation' | 'test';

export const splits: readonly Split[] = ['train', 'validation', 'test'];

/** How inputs are rescaled, with statistics taken from the train split only. */
export type Normalisation = 'none' | 'scale' | 'standardise';

/** Random image changes applied per batch; each is drawn per example. */
export interface AugmentOptions {
  /** Mirror left-right with probability one half. */
  flip?: boolean;
  /** Largest shift in pixels, in each direction. */
  shift?: number;
  /** Largest rotation in degrees, either way. */
  rotate?: number;
}

/** What `Dataset.batches` is asked for. */
export interface BatchOptions {
  batchSize: number;
  shuffle?: boolean;
  seed?: number;
  /** Each epoch gets its own shuffle and augmentation, reproducible from (seed, epoch). */
  epoch?: number;
  normalise?: Normalisation;
  /** Class and token targets as indices (int32) or one-hot vectors (float32). Default sparse. */
  targets?: 'sparse' | 'one-hot';
  /** Images only ([height, width, channels] float inputs). */
  augment?: AugmentOptions;
}

/**
 * One batch in plain typed arrays; shapes include the batch dimension.
 * The arrays are reused by the next batch of the same stream: convert or copy them first.
 * @public
 */
export interface Batch {
  x: Float32Array | Int32Array;
  y: Float32Array | Int32Array;
  size: number;
  xShape: number[];
  yShape: number[];
}

/** Per-channel (last axis) statistics of the train split's inputs. */
export interface InputStats {
  channels: number;
  min: Float64Array;
  max: Float64Array;
  mean: Float64Array;
  std: Float64Array;
}

/** A dataset ready for training: schema, seeded splits and a streaming batch source. @public */
export interface Dataset {
  readonly schema: DatasetSchema;
  /** Token strings by id, for text datasets (id 0 is the unknown token). */
  readonly vocabulary?: readonly string[];
  size(split: Split): number;
  /** Example indices of a split, ascending. */
  indices(split: Split): Int32Array;
  inputStats(): InputStats;
  batches(split: Split, options: BatchOptions): Generator<Batch, void, undefined>;
  /** The examples in their compact form, for datasets built over an example source. */
  readonly source?: ExampleSource;
}

/** Where a problem was found in the user's files. All parts are optional but file. */
export interface IssueLocation {
  file: string;
  line?: number;
  row?: number;
  column?: string | number;
}

/** A problem met while building a dataset, with a plain message. @public */
export interface DatasetIssue {
  severity: 'error' | 'warning';
  message: string;
  location?: IssueLocation;
}

/** A dataset with its warnings, or the errors that stopped it. @public */
export type DatasetResult =
  { ok: true; dataset: Dataset; warnings: DatasetIssue[] } | { ok: false; errors: DatasetIssue[] };

/** Shorthand for a failed result with one error. */
export function failure(message: string, location?: IssueLocation): DatasetResult {
  return { ok: false, errors: [{ severity: 'error', message, location }] };
}

/** An issue as one line: where it is, then what is wrong. */
export function describeIssue(issue: DatasetIssue): string {
  return issue.location ? `${formatLocation(issue.location)}: ${issue.message}` : issue.message;
}

/** `file:line, column c` for messages. */
export function formatLocation(location: IssueLocation): string {
  const parts = [location.file];
  if (location.line !== undefined) parts.push(`line ${location.line}`);
  if (location.row !== undefined) parts.push(`row ${location.row}`);
  if (location.column !== undefined) parts.push(`column ${location.column}`);
  return parts.join(', ');
}
