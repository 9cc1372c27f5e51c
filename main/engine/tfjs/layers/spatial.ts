import type { convolutionLayers } from '../../../../shared/layers/convolution.js';
import type { normalizationLayers } from '../../../../shared/layers/normalization.js';
import type { poolingLayers } from '../../../../shared/layers/pooling.js';
import type { reshapeLayers } from '../../../../shared/layers/reshape.js';
import type { BuilderTable } from '../builder.js';
import { convolutionBuilders } from './convolution.js';
import { normalizationBuilders } from './normalization.js';
import { poolingBuilders } from './pooling.js';
import { reshapeBuilders } from './reshape.js';

/** Kinds of the families that work on images and sequences laid out in space. */
export type SpatialKind =
  | keyof typeof reshapeLayers
  | keyof typeof convolutionLayers
  | keyof typeof poolingLayers
  | keyof typeof normalizationLayers;

/** tfjs builders of every spatial kind. */
export const spatialBuilders: BuilderTable<SpatialKind> = {
  ...reshapeBuilders,
  ...convolutionBuilders,
  ...poolingBuilders,
  ...normalizationBuilders,
};
