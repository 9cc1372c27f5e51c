import { z } from 'zod';
import { trainingSettingsSchema } from '../training/settings.js';

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

/** How a project is trained: which model, on which dataset, and the training settings. @public */
export const recipeSchema = z
  .object({
    task: z.enum(TASKS),
    /** The trained model's id; for a GAN, the generator. */
    model: z.string().min(1),
    /** The discriminator's model id (GAN only). */
    discriminator: z.string().min(1).optional(),
    /** A dataset id: a built-in one (shared/datasets/catalogue.ts) or an imported one. */
    dataset: z.string().min(1),
    ...trainingSettingsSchema.shape,
    /**
     * Cut each epoch to this many batches (a quick look at a big dataset); whole epochs when
     * absent. Kept with the project so one project's choice never carries over to another.
     */
    batchesPerEpoch: z.number().int().min(1).optional(),
    /** The backend this project trains on (tensorflow, wasm, cpu…); the ladder's best when absent. */
    backend: z.string().min(1).optional(),
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
