import { z } from 'zod';
import {
  builtInDatasets,
  downloadableDatasets,
  findDataset,
  type DatasetSchema,
} from '../datasets/catalogue.js';

/**
 * Datasets a project declares: the user's files (paths relative to the project file, so moving
 * the project folder keeps them; absolute paths are allowed) or a well-known set to download.
 * The recipe's `dataset` names one of these or a built-in id.
 */

/** A dataset id: it names a cache folder and appears on the command line. */
export const datasetIdSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
    'use letters, digits, ".", "_" and "-", starting with a letter or digit',
  );

const path = z.string().min(1);
const classNames = z.array(z.string()).optional();

/** What the data looked like when it was imported, so the model check needs no file access. */
export const datasetSummarySchema = z.object({
  inputShape: z.array(z.number().int().positive()),
  inputDtype: z.enum(['float32', 'int32']),
  target: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('classes'),
      classes: z.number().int().positive(),
      names: z.array(z.string()).optional(),
    }),
    z.object({ kind: z.literal('values'), shape: z.array(z.number().int().positive()) }),
    z.object({ kind: z.literal('next-token'), vocabulary: z.number().int().positive() }),
  ]),
  /** Examples in the data files, and in the test files when there are some. */
  examples: z.number().int().nonnegative(),
  testExamples: z.number().int().nonnegative().optional(),
});
export type DatasetSummary = z.output<typeof datasetSummarySchema>;

const common = {
  id: datasetIdSchema,
  /** A human name for lists; the id otherwise. */
  name: z.string().optional(),
  summary: datasetSummarySchema.optional(),
};

const idxFiles = z.object({ images: path, labels: path });
const single = z.object({ file: path });

/** The sets the download catalogue knows. */
export const DOWNLOADABLE_IDS = [
  'mnist-full',
  'fashion-mnist',
  'cifar-10',
  'imdb-reviews',
] as const;
export type DownloadableId = (typeof DOWNLOADABLE_IDS)[number];

/** One declared dataset. @public */
export const declaredDatasetSchema = z.discriminatedUnion('kind', [
  z.object({
    ...common,
    kind: z.literal('idx'),
    files: idxFiles,
    test: idxFiles.optional(),
    options: z.object({ classNames }).default({}),
  }),
  z.object({
    ...common,
    kind: z.literal('csv'),
    files: single,
    test: single.optional(),
    options: z.object({
      target: z.string().min(1),
      features: z.array(z.string().min(1)).optional(),
      targetKind: z.enum(['classes', 'values']).optional(),
      categorical: z.enum(['one-hot', 'index']).optional(),
    }),
  }),
  z.object({
    ...common,
    kind: z.literal('image-folder'),
    files: z.object({ folder: path }),
    test: z.object({ folder: path }).optional(),
    options: z.object({
      height: z.number().int().min(1).max(1024),
      width: z.number().int().min(1).max(1024),
      color: z.enum(['grayscale', 'rgb']),
    }),
  }),
  z.object({
    ...common,
    kind: z.literal('text'),
    files: single,
    options: z.object({
      task: z.literal('language-model').default('language-model'),
      tokens: z.enum(['character', 'word']),
      window: z.number().int().min(1).max(4096),
      vocabulary: z.number().int().min(2).optional(),
    }),
  }),
  z.object({
    ...common,
    kind: z.literal('download'),
    files: z.object({}).default({}),
    options: z.object({ set: z.enum(DOWNLOADABLE_IDS) }),
  }),
]);

/** A dataset as the project file declares it. @public */
export type DeclaredDataset = z.output<typeof declaredDatasetSchema>;
export type DatasetKind = DeclaredDataset['kind'];

/** Every file path a declared dataset names, with where it sits in the declaration. */
export function datasetPaths(dataset: DeclaredDataset): { role: string; path: string }[] {
  const out: { role: string; path: string }[] = [];
  for (const [role, value] of Object.entries(dataset.files)) {
    if (typeof value === 'string') out.push({ role: `files.${role}`, path: value });
  }
  if ('test' in dataset && dataset.test) {
    for (const [role, value] of Object.entries(dataset.test)) {
      if (typeof value === 'string') out.push({ role: `test.${role}`, path: value });
    }
  }
  return out;
}

/** The catalogue schema of a declared dataset, from its summary (undefined before import). */
export function declaredSchema(dataset: DeclaredDataset): DatasetSchema | undefined {
  if (dataset.kind === 'download') {
    const known = downloadableDatasets.find((d) => d.id === dataset.options.set);
    return known && { ...known, id: dataset.id };
  }
  const summary = dataset.summary;
  if (!summary) return undefined;
  return {
    id: dataset.id,
    label: dataset.name ?? dataset.id,
    docs: `Imported ${dataset.kind} data declared in the project.`,
    inputShape: summary.inputShape,
    inputDtype: summary.inputDtype,
    target: summary.target,
    source: 'imported',
  };
}

/** The schema a dataset id stands for in a project: a declared one first, then the built-ins. */
export function projectDatasetSchema(
  datasets: readonly DeclaredDataset[] | undefined,
  id: string,
): DatasetSchema | undefined {
  const declared = datasets?.find((d) => d.id === id);
  return declared ? declaredSchema(declared) : findDataset(id);
}

/** Whether an id names a built-in dataset (one that needs no declaration). */
export function isBuiltInDataset(id: string): boolean {
  return builtInDatasets.some((d) => d.id === id);
}
