import { z } from 'zod';

/** Optimizers the trainer offers; `momentum`/`nesterov` are SGD with (Nesterov) momentum. */
export const OPTIMIZERS = [
  'sgd',
  'momentum',
  'nesterov',
  'adam',
  'adamw',
  'rmsprop',
  'adagrad',
] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

export const optimizerSchema = z.object({
  name: z.enum(OPTIMIZERS).default('adam'),
  learningRate: z.number().positive().max(10).default(0.001),
  /** SGD momentum, RMSprop momentum. */
  momentum: z.number().min(0).max(0.999).default(0.9),
  beta1: z.number().min(0).max(0.9999).default(0.9),
  beta2: z.number().min(0).max(0.99999).default(0.999),
  /** Decoupled weight decay (AdamW). */
  weightDecay: z.number().min(0).max(1).default(0.01),
});
export type OptimizerSettings = z.output<typeof optimizerSchema>;

/** How the learning rate moves over training; every schedule may start with a linear warm-up. */
export const scheduleSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('constant') }),
    /** Multiply by `factor` every `everyEpochs` epochs. */
    z.object({
      kind: z.literal('step'),
      everyEpochs: z.number().int().min(1).default(10),
      factor: z.number().positive().max(1).default(0.5),
    }),
    /** Multiply by `decay` each epoch, continuously. */
    z.object({ kind: z.literal('exponential'), decay: z.number().positive().max(1).default(0.95) }),
    /** Half a cosine from the base rate down to `minFraction` of it at the last step. */
    z.object({ kind: z.literal('cosine'), minFraction: z.number().min(0).max(1).default(0) }),
  ])
  .and(z.object({ warmupSteps: z.number().int().min(0).default(0) }));
export type ScheduleSettings = z.output<typeof scheduleSchema>;

export const earlyStoppingSchema = z.object({
  enabled: z.boolean().default(false),
  /** Epochs without improvement of the validation loss before stopping. */
  patience: z.number().int().min(1).default(3),
  minDelta: z.number().min(0).default(0),
});

/** Random changes to training images, drawn per example and epoch (image datasets only). */
export const augmentationSchema = z.object({
  /** Mirror left–right with probability one half. */
  flip: z.boolean().default(false),
  /** Largest shift in pixels, each way. */
  shift: z.number().int().min(0).max(8).default(0),
  /** Largest rotation in degrees, either way. */
  rotate: z.number().min(0).max(30).default(0),
});
export type AugmentationSettings = z.output<typeof augmentationSchema>;

/** How to train: everything but which model and dataset. Saved in the project. @public */
export const trainingSettingsSchema = z.object({
  optimizer: optimizerSchema.default(optimizerSchema.parse({})),
  schedule: scheduleSchema.default({ kind: 'constant', warmupSteps: 0 }),
  batchSize: z.number().int().min(1).max(65_536).default(64),
  epochs: z.number().int().min(1).max(100_000).default(5),
  validationSplit: z.number().min(0).max(0.9).default(0.1),
  /** Clip the global gradient norm to this value; 0 turns clipping off. */
  clipNorm: z.number().min(0).default(0),
  earlyStopping: earlyStoppingSchema.default(earlyStoppingSchema.parse({})),
  augmentation: augmentationSchema.default(augmentationSchema.parse({})),
  seed: z.number().int().default(42),
});
export type TrainingSettings = z.output<typeof trainingSettingsSchema>;
