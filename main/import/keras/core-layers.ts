import {
  edges,
  guarded,
  pair,
  withActivation,
  type Conversion,
  type KerasConfig,
  type LayerConverter,
} from './config.js';

const CHANNELS_LAST = { data_format: ['channels_last', null] } as const;

function input(c: KerasConfig): Conversion {
  const shape = (c.batch_input_shape ?? c.batch_shape) as unknown;
  if (!Array.isArray(shape) || shape.length < 2) {
    return { unsupported: 'an input layer needs batch_input_shape with at least one dimension' };
  }
  if (c.sparse === true || c.ragged === true) return { unsupported: 'sparse and ragged inputs' };
  const dtype = typeof c.dtype === 'string' ? c.dtype : 'float32';
  const integer = dtype.startsWith('int') || dtype.startsWith('uint');
  const warnings = integer && dtype !== 'int32' ? [`dtype ${dtype} is read as int32`] : undefined;
  return {
    kind: 'Input',
    params: { shape: shape.slice(1), dtype: integer ? 'int32' : 'float32' },
    warnings,
  };
}

const plain =
  (kind: 'Flatten' | 'Add' | 'Subtract' | 'Multiply' | 'Average'): LayerConverter =>
  (c) =>
    guarded(c, CHANNELS_LAST, () => ({ kind, params: {} }));

const activationOnly = (fn: string) => (): Conversion => ({ kind: 'Activation', params: { fn } });

/** Converters of the io, core, activation, reshape and merge families. */
export const coreConverters: Record<string, LayerConverter> = {
  InputLayer: input,
  Dense: (c) =>
    withActivation(c.activation, (act) => ({
      kind: 'Dense',
      params: { units: c.units, activation: act, useBias: c.use_bias ?? true },
    })),
  Activation: (c) =>
    withActivation(c.activation, (fn) =>
      fn === 'linear' ? { identity: true } : { kind: 'Activation', params: { fn } },
    ),
  // Keras 2 and tfjs call the slope `alpha`, Keras 3 `negative_slope`.
  LeakyReLU: (c) => ({
    kind: 'Activation',
    params: { fn: 'leaky_relu', alpha: c.alpha ?? c.negative_slope ?? 0.3 },
  }),
  ReLU: (c) =>
    guarded(c, { max_value: [null], negative_slope: [0], threshold: [0] }, activationOnly('relu')),
  Softmax: (c) => guarded(c, { axis: [-1, [-1]] }, activationOnly('softmax')),
  ELU: (c) => guarded(c, { alpha: [1] }, activationOnly('elu')),
  Dropout: (c) =>
    guarded(c, { noise_shape: [null] }, () => ({ kind: 'Dropout', params: { rate: c.rate } })),
  Flatten: plain('Flatten'),
  Reshape: (c) => ({ kind: 'Reshape', params: { targetShape: c.target_shape } }),
  Permute: (c) => ({ kind: 'Permute', params: { dims: c.dims } }),
  RepeatVector: (c) => ({ kind: 'RepeatVector', params: { n: c.n } }),
  UpSampling2D: (c) =>
    guarded(c, { ...CHANNELS_LAST, interpolation: ['nearest'] }, () => ({
      kind: 'UpSampling2D',
      params: { size: pair(c.size, 2) },
    })),
  ZeroPadding2D: (c) =>
    guarded(c, CHANNELS_LAST, () => ({
      kind: 'ZeroPadding2D',
      params: { padding: edges(c.padding) },
    })),
  Cropping2D: (c) =>
    guarded(c, CHANNELS_LAST, () => ({
      kind: 'Cropping2D',
      params: { cropping: edges(c.cropping) },
    })),
  Add: plain('Add'),
  Subtract: plain('Subtract'),
  StrataSubtract: plain('Subtract'),
  Multiply: plain('Multiply'),
  Average: plain('Average'),
  Concatenate: (c) => ({ kind: 'Concatenate', params: { axis: c.axis ?? -1 } }),
};
