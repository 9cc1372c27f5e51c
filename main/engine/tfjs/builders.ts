import type { LayerKind } from '../../../shared/layers/catalogue.js';
import type { BuilderTable } from './builder.js';
// Strata's own gradients for ops whose tfjs gradient does needless work.
import './gradients/index.js';
import { coreBuilders } from './layers/core.js';
import { ioBuilders } from './layers/io.js';
import { mergeBuilders } from './layers/merge.js';
import { sequenceBuilders } from './layers/sequence.js';
import { spatialBuilders } from './layers/spatial.js';

/** The tfjs builder of every catalogue kind: a kind missing here is a compile error. */
export const tfjsBuilders: BuilderTable<LayerKind> = {
  ...ioBuilders,
  ...coreBuilders,
  ...spatialBuilders,
  ...sequenceBuilders,
  ...mergeBuilders,
};
