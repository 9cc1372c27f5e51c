import { z } from 'zod';

/**
 * Messages for looking inside a trained model: one prediction on the user's own input, and one
 * node's output on one example. Part of the contract (contract.ts), kept apart for size.
 */

/** Raw pixels, row-major, 0–255 (a drawing or an image file, before any resizing). */
const imagePixels = z
  .object({
    width: z.number().int().positive().max(2048),
    height: z.number().int().positive().max(2048),
    channels: z.union([z.literal(1), z.literal(3)]),
    data: z.array(z.number().min(0).max(255)),
  })
  .refine((p) => p.data.length === p.width * p.height * p.channels, {
    message: 'data must hold width × height × channels values',
    path: ['data'],
  });

/** What the model is shown: main prepares it the way the run's dataset prepared its examples. */
export const modelInput = z.discriminatedUnion('kind', [
  /** Resized to the dataset's image size and scaled with its train-split statistics. */
  z.object({ kind: z.literal('image'), image: imagePixels }),
  /** Raw feature values, standardised or scaled like the dataset's. */
  z.object({ kind: z.literal('vector'), values: z.array(z.number()).min(1) }),
  /** Tokenised with the dataset's vocabulary (characters or words); ids when it has none. */
  z.object({ kind: z.literal('text'), text: z.string() }),
  /** The `index`-th example of the run's validation split. */
  z.object({ kind: z.literal('example'), index: z.number().int().min(0) }),
]);
export type ModelInput = z.output<typeof modelInput>;

/** Which of a run's saved models: `main`, or a GAN's `generator` / `discriminator`. */
const runModel = z.enum(['main', 'generator', 'discriminator']);

const runRef = {
  path: z.string().min(1),
  runId: z.string().min(1),
  model: runModel.optional(),
};

/** A small image, values 0–255 (what the model saw, a feature map, a reconstruction). */
const pixels = z.object({
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  channels: z.union([z.literal(1), z.literal(3)]),
  data: z.array(z.number().int().min(0).max(255)),
});
export type PixelImage = z.output<typeof pixels>;

/** The input as the model saw it, and its label when it came from the dataset. */
const seenInput = z.object({
  shown: z.union([pixels, z.string(), z.array(z.number())]),
  label: z.string().optional(),
});

export const predictRequest = z.object({ ...runRef, input: modelInput });

export const prediction = z.object({
  input: seenInput,
  output: z.discriminatedUnion('kind', [
    /** Every class, most probable first. */
    z.object({
      kind: z.literal('classes'),
      classes: z.array(z.object({ label: z.string(), probability: z.number() })),
    }),
    z.object({
      kind: z.literal('values'),
      shape: z.array(z.number()),
      values: z.array(z.number()),
    }),
    z.object({ kind: z.literal('image'), image: pixels }),
    /** A language model's continuation of the prompt, sampled at `temperature`. */
    z.object({
      kind: z.literal('text'),
      prompt: z.string(),
      continuation: z.string(),
      temperature: z.number(),
    }),
  ]),
});
export type Prediction = z.output<typeof prediction>;

export const inspectRequest = z.object({ ...runRef, nodeId: z.string().min(1), input: modelInput });

const histogram = z.object({
  /** `counts[i]` values fall in [edges[i], edges[i + 1]) (the last bin is closed). */
  edges: z.array(z.number()),
  counts: z.array(z.number()),
  min: z.number(),
  max: z.number(),
  mean: z.number(),
  /** The fraction of exact zeros (dead ReLUs). */
  zeros: z.number(),
});

export const inspection = z.object({
  nodeId: z.string(),
  /** The tfjs layer the node became. */
  layer: z.string(),
  /** The node's output shape for this one example (no batch axis). */
  shape: z.array(z.number()),
  input: seenInput,
  histogram,
  detail: z.discriminatedUnion('kind', [
    /** Image-like outputs `[height, width, channels]`: the first channels, each scaled to 0–255. */
    z.object({ kind: z.literal('feature-maps'), channels: z.number(), maps: z.array(pixels) }),
    /** Softmax(QKᵀ/√d) per head, `weights[head][query][key]`, causal mask applied. */
    z.object({
      kind: z.literal('attention'),
      causal: z.boolean(),
      weights: z.array(z.array(z.array(z.number()))),
      tokens: z.array(z.string()).optional(),
    }),
    z.object({ kind: z.literal('none') }),
  ]),
});
export type Inspection = z.output<typeof inspection>;
