import { z } from 'zod';

/** What a project trains its model to do; it picks the training loop and the losses offered. */
export const TASKS = [
  'classification',
  'regression',
  'sequence-classification',
  'language-model',
  'autoencoder',
  'gan',
] as const;
export type Task = (typeof TASKS)[number];

/** Optimizers with Keras' meaning; `momentum` and `nesterov` are SGD variants. */
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

/** How a project is trained: which model, on which dataset, with which optimizer. @public */
export const recipeSchema = z
  .object({
    task: z.enum(TASKS),
    /** The trained model's id; for a GAN, the generator. */
    model: z.string().min(1),
    /** The discriminator's model id (GAN only). */
    discriminator: z.string().min(1).optional(),
    /** A dataset id: a built-in one (shared/datasets/catalogue.ts) or an imported one. */
    dataset: z.string().min(1),
    optimizer: z.object({
      name: z.enum(OPTIMIZERS),
      learningRate: z.number().positive().max(10),
    }),
    batchSize: z.number().int().min(1).max(65_536),
    epochs: z.number().int().min(1).max(100_000),
    validationSplit: z.number().min(0).max(0.9),
  })
  .superRefine((recipe, ctx) => {
    if (recipe.task === 'gan' && recipe.discriminator === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['discriminator'],
        message: 'a GAN recipe needs the id of its discriminator model',
      });
    }
    if (recipe.task !== 'gan' && recipe.discriminator !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['discriminator'],
        message: `only a GAN has a discriminator, but the task is "${recipe.task}"`,
      });
    }
  });

/** A training recipe. @public */
export type Recipe = z.output<typeof recipeSchema>;
