import { z } from 'zod';
import { declaredDatasetSchema, datasetSummarySchema } from '../project/datasets.js';

/** Messages of the Data panel. Part of the contract (contract.ts), kept apart for size. */

const imagePixels = z.object({
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  channels: z.union([z.literal(1), z.literal(3)]),
  data: z.array(z.number().int().min(0).max(255)),
});

/** One example as the panel shows it: an image, a row of numbers, or a text, with its label. */
const examplePreview = z.object({
  label: z.string(),
  image: imagePixels.optional(),
  values: z.array(z.number()).optional(),
  text: z.string().optional(),
});

/** What opening a dataset found: shape, classes, counts, a few examples and every problem. */
export const datasetPreview = z.object({
  id: z.string(),
  summary: datasetSummarySchema,
  splits: z.object({ train: z.number(), validation: z.number(), test: z.number() }),
  classNames: z.array(z.string()).optional(),
  /** Examples per class in the data files, and in the test files when there are some. */
  histogram: z.array(z.number()).optional(),
  testHistogram: z.array(z.number()).optional(),
  examples: z.array(examplePreview),
  /** Each problem in plain words, with where it is. */
  problems: z.array(z.string()),
  /** Opened from the decoded cache beside the runs. */
  cached: z.boolean(),
});
export type DatasetPreview = z.output<typeof datasetPreview>;

/** A declared dataset to open, relative to the project file at `path`. */
export const dataInspectRequest = z.object({
  path: z.string().min(1),
  dataset: declaredDatasetSchema,
});

/** Opening failed: each error in plain words, naming the file and row or entry. */
export const dataInspectResult = z.discriminatedUnion('status', [
  /** `declared`: the declaration with its summary, ready to add to the project. */
  z.object({ status: z.literal('ok'), preview: datasetPreview, declared: declaredDatasetSchema }),
  z.object({ status: z.literal('failed'), errors: z.array(z.string()) }),
]);
export type DataInspectResult = z.output<typeof dataInspectResult>;

/** The first rows of a CSV file, for picking the target and feature columns. */
export const csvPreviewRequest = z.object({
  path: z.string().min(1),
  /** The CSV file, relative to the project file (or absolute in the desktop app). */
  file: z.string().min(1),
});
export const csvPreview = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ok'),
    columns: z.array(z.string()),
    rows: z.array(z.array(z.string())),
  }),
  z.object({ status: z.literal('failed'), error: z.string() }),
]);

/** Files near the project for the browser's picker (the desktop app uses native dialogs). */
export const dataBrowseRequest = z.object({
  path: z.string().min(1),
  /** A folder relative to the project's folder; its own folder when absent. */
  folder: z.string().optional(),
});
export const dataBrowseResult = z.object({
  /** The folder listed, relative to the project's folder ('' for that folder). */
  folder: z.string(),
  entries: z.array(z.object({ name: z.string(), kind: z.enum(['file', 'folder']) })),
});

/** Native picker for data files; paths come back relative to the project file when they can. */
export const dataPickRequest = z.object({
  path: z.string().min(1),
  what: z.enum(['files', 'folder']),
});
export const dataPickResult = z.object({ paths: z.array(z.string()) });

/** Stops the download of the dataset being inspected under `id`. */
export const dataCancelRequest = z.object({ id: z.string().min(1) });

/** How far a download has come. */
export const dataProgressSchema = z.object({
  id: z.string(),
  file: z.string(),
  received: z.number(),
  total: z.number().optional(),
});
