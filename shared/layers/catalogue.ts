import type { z } from 'zod';
import { attentionLayers } from './attention.js';
import { convolutionLayers } from './convolution.js';
import { coreLayers } from './core.js';
import type { LayerDefinition } from './definition.js';
import { embeddingLayers } from './embedding.js';
import { ioLayers } from './io.js';
import { mergeLayers } from './merge.js';
import { normalizationLayers } from './normalization.js';
import { poolingLayers } from './pooling.js';
import { recurrentLayers } from './recurrent.js';
import { reshapeLayers } from './reshape.js';
import { transformerLayers } from './transformer.js';

/**
 * Every layer kind Strata offers, keyed by kind. Target tables (tfjs, ONNX, Keras, PyTorch) are
 * typed `{ [K in LayerKind]: … }`, so adding a kind here without them fails to compile.
 * @public
 */
export const catalogue = {
  ...ioLayers,
  ...coreLayers,
  ...reshapeLayers,
  ...convolutionLayers,
  ...poolingLayers,
  ...normalizationLayers,
  ...embeddingLayers,
  ...recurrentLayers,
  ...attentionLayers,
  ...transformerLayers,
  ...mergeLayers,
};

export type LayerKind = keyof typeof catalogue;

/** A kind's parameters once defaults are filled in. */
export type ParamsOf<K extends LayerKind> = z.output<(typeof catalogue)[K]['params']>;

export const LAYER_KINDS = Object.keys(catalogue) as LayerKind[];

export function isLayerKind(kind: string): kind is LayerKind {
  return Object.hasOwn(catalogue, kind);
}

/** The definition of a kind, with its parameter type widened for generic code. */
export function layerDefinition(kind: LayerKind): LayerDefinition {
  return catalogue[kind] as LayerDefinition;
}
