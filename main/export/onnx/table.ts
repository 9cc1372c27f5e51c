import type { LayerKind } from '../../../shared/layers/catalogue.js';
import { attentionEmitters } from './attention.js';
import { convolutionEmitters } from './convolution.js';
import { coreEmitters } from './core.js';
import type { OnnxTable } from './emitter.js';
import { embeddingEmitters } from './embedding.js';
import { poolingEmitters } from './pooling.js';
import { recurrentEmitters } from './recurrent.js';
import { spatialEmitters } from './spatial.js';

/** How every catalogue kind is written in ONNX: a kind missing here is a compile error. */
export const onnxEmitters: OnnxTable<LayerKind> = {
  ...coreEmitters,
  ...convolutionEmitters,
  ...poolingEmitters,
  ...spatialEmitters,
  ...embeddingEmitters,
  ...recurrentEmitters,
  ...attentionEmitters,
};
