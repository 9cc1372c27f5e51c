import { z } from 'zod';

/** Messages of the Export dialog. Part of the contract (contract.ts), kept apart for size. */

/** The formats Strata writes (main/export/exporter.ts EXPORT_FORMATS; a test keeps them equal). */
export const exportFormat = z.enum(['tfjs', 'onnx', 'keras', 'pytorch']);

export const exportRequest = z.object({
  /** The saved project; its runs live beside it. */
  path: z.string().min(1),
  format: exportFormat,
  /** The current (maybe unsaved) document; the file at `path` when absent. */
  document: z.record(z.string(), z.unknown()).optional(),
  /** A run whose trained weights to export; untrained weights when absent. */
  runId: z.string().min(1).optional(),
  /** Only this model; all of the project's models when absent. */
  modelId: z.string().min(1).optional(),
  /** Where to write; main asks with a folder dialog when absent (desktop app only). */
  outDir: z.string().min(1).optional(),
  /**
   * The user agreed to replace `outDir` if it holds an earlier Strata export. Without it, such a
   * folder gets a `confirm-replace` answer; a folder holding anything else is always refused.
   */
  replace: z.boolean().optional(),
});

const unsupportedLayer = z.object({
  modelId: z.string(),
  nodeId: z.string(),
  kind: z.string(),
  reason: z.string(),
});

export const exportResult = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('exported'),
    models: z.array(
      z.object({
        modelId: z.string(),
        outDir: z.string(),
        files: z.array(z.string()),
        notes: z.array(z.string()),
      }),
    ),
    /** Which weights were written, in words. */
    weights: z.string(),
  }),
  /** Nothing usable was written: why, and every layer the format cannot express. */
  z.object({
    status: z.literal('failed'),
    message: z.string(),
    unsupported: z.array(unsupportedLayer),
  }),
  z.object({ status: z.literal('cancelled') }),
  /** `outDir` holds an earlier export: ask, then send again with this `outDir` and `replace`. */
  z.object({ status: z.literal('confirm-replace'), outDir: z.string(), message: z.string() }),
]);
export type ExportRunResult = z.output<typeof exportResult>;

export const exportProgressSchema = z.object({
  modelId: z.string(),
  fraction: z.number(),
  label: z.string(),
});
