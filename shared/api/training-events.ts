import { z } from 'zod';

/**
 * The typed stream a training run emits, from the trainer to the CLI, the dashboard and the
 * run's metric log. Batch events are coalesced by the trainer so the stream stays cheap.
 */

const metrics = z.record(z.string(), z.number());

/** A small image as raw pixels (row-major, values 0–255), cheap to draw on a canvas. */
const pixels = z.object({
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  channels: z.union([z.literal(1), z.literal(3)]),
  data: z.array(z.number().int().min(0).max(255)),
});
export type Pixels = z.output<typeof pixels>;

const sample = z.object({
  /** An image, or the text of a sequence example. */
  input: z.union([pixels, z.string()]),
  label: z.string(),
  predicted: z.string(),
  correct: z.boolean(),
});

export const trainingEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('started'),
    runId: z.string(),
    backend: z.string(),
    backendReason: z.string(),
    /** How the backend runs: its binary, threads and SIMD. */
    backendDetail: z.string().optional(),
    params: z.object({ trainable: z.number(), nonTrainable: z.number() }),
    dataset: z.object({ train: z.number(), validation: z.number(), test: z.number() }),
    epochs: z.number(),
    stepsPerEpoch: z.number(),
    /** Set when the run continues from a checkpoint. */
    resumedFrom: z
      .object({
        /** Epochs completed. */
        epoch: z.number(),
        step: z.number(),
        /** Batches of the next epoch already trained, when the run was stopped inside it. */
        batch: z.number().optional(),
        /** The checkpoint folder it continues from. */
        checkpoint: z.string().optional(),
        /** Newer checkpoints that could not be used, and why. */
        skipped: z.array(z.object({ checkpoint: z.string(), reason: z.string() })).optional(),
      })
      .optional(),
  }),
  z.object({
    type: z.literal('batch'),
    epoch: z.number(),
    step: z.number(),
    /** Batches folded into this event since the previous one. */
    batches: z.number(),
    loss: z.number(),
    metrics,
    learningRate: z.number(),
    samplesPerSecond: z.number(),
  }),
  z.object({
    type: z.literal('epoch'),
    epoch: z.number(),
    train: metrics,
    validation: metrics,
    /** The whole epoch, validation included. */
    seconds: z.number(),
    /** Training samples per second of training time (validation and pauses left out). */
    samplesPerSecond: z.number().optional(),
  }),
  z.object({
    type: z.literal('confusion'),
    epoch: z.number(),
    labels: z.array(z.string()),
    /** matrix[actual][predicted] counts over the validation split. */
    matrix: z.array(z.array(z.number())),
  }),
  z.object({ type: z.literal('predictions'), epoch: z.number(), samples: z.array(sample) }),
  z.object({
    type: z.literal('generated'),
    epoch: z.number(),
    images: z.array(pixels).optional(),
    text: z.string().optional(),
  }),
  z.object({
    type: z.literal('checkpoint'),
    epoch: z.number(),
    step: z.number(),
    path: z.string(),
  }),
  /** Loss and metrics on the test split once training ended (datasets with a test set). */
  z.object({ type: z.literal('test'), epoch: z.number(), examples: z.number(), metrics }),
  z.object({ type: z.literal('paused'), step: z.number() }),
  z.object({ type: z.literal('resumed'), step: z.number() }),
  z.object({ type: z.literal('finished'), epoch: z.number(), step: z.number() }),
  z.object({ type: z.literal('stopped'), epoch: z.number(), step: z.number(), reason: z.string() }),
  z.object({ type: z.literal('failed'), reason: z.string() }),
]);

export type TrainingEvent = z.output<typeof trainingEventSchema>;
export type TrainingEventType = TrainingEvent['type'];
