import { z } from 'zod';
import { defineLayer, NO_PARAMS, ok } from './definition.js';

export const LOSSES = [
  'sparse_categorical_crossentropy',
  'categorical_crossentropy',
  'binary_crossentropy',
  'mean_squared_error',
  'mean_absolute_error',
  'huber',
] as const;
export type LossName = (typeof LOSSES)[number];

export const METRICS = ['accuracy', 'mean_absolute_error', 'mean_squared_error'] as const;

const input = defineLayer({
  kind: 'Input',
  family: 'io',
  label: 'Input',
  docs: 'Where examples enter the model; the shape excludes the batch.',
  params: z.object({
    shape: z
      .array(z.number().int().min(1).nullable())
      .min(1)
      .max(4)
      .default([28, 28, 1])
      .describe('Shape of one example; leave a dimension empty for variable length'),
    dtype: z
      .enum(['float32', 'int32'])
      .default('float32')
      .describe('int32 for token ids feeding an Embedding'),
  }),
  arity: { min: 0, max: 0 },
  inferShape: (_inputs, params) => ok(params.shape),
  countParams: () => NO_PARAMS,
  countMacs: () => 0,
});

const output = defineLayer({
  kind: 'Output',
  family: 'io',
  label: 'Output',
  docs: 'Marks a model output and the loss and metrics it is trained with.',
  params: z.object({
    loss: z.enum(LOSSES).default('sparse_categorical_crossentropy').describe('Training loss'),
    metrics: z.array(z.enum(METRICS)).default(['accuracy']).describe('Reported metrics'),
  }),
  arity: { min: 1, max: 1 },
  inferShape: (inputs) => ok(inputs[0]),
  countParams: () => NO_PARAMS,
  countMacs: () => 0,
});

export const ioLayers = { Input: input, Output: output };
