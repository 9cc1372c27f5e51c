import { z } from 'zod';

/** Activation functions every layer with an `activation` parameter offers, Keras' names. */
export const ACTIVATIONS = [
  'linear',
  'relu',
  'sigmoid',
  'tanh',
  'softmax',
  'elu',
  'selu',
  'gelu',
  'swish',
  'leaky_relu',
] as const;
export type ActivationName = (typeof ACTIVATIONS)[number];

export const activationParam = (fallback: ActivationName) =>
  z.enum(ACTIVATIONS).default(fallback).describe('Function applied to the output');
