import {
  guarded,
  pair,
  single,
  withActivation,
  type Conversion,
  type KerasConfig,
  type LayerConverter,
} from './config.js';

/** Options every convolution and pooling layer must leave at Strata's behaviour. */
const LAYOUT = { data_format: ['channels_last', null], groups: [1, null] } as const;
const PADDING = { padding: ['valid', 'same'] } as const;

const conv =
  (
    kind: 'Conv2D' | 'Conv2DTranspose' | 'SeparableConv2D' | 'DepthwiseConv2D',
    extra: (c: KerasConfig) => Record<string, unknown>,
    accepted: Record<string, readonly unknown[]> = {},
  ): LayerConverter =>
  (c) =>
    guarded(c, { ...LAYOUT, ...PADDING, ...accepted }, () =>
      withActivation(c.activation, (activation) => ({
        kind,
        params: {
          kernelSize: pair(c.kernel_size, 3),
          strides: pair(c.strides, 1),
          padding: c.padding ?? 'valid',
          activation,
          useBias: c.use_bias ?? true,
          ...extra(c),
        },
      })),
    );

/** Keras writes the strides a pool defaults to (its window); Strata leaves them empty then. */
function pool(kind: 'MaxPool2D' | 'AvgPool2D'): LayerConverter {
  return (c) =>
    guarded(c, { ...LAYOUT, ...PADDING }, () => {
      const poolSize = pair(c.pool_size, 2);
      const strides = c.strides === null || c.strides === undefined ? poolSize : pair(c.strides, 2);
      const same = strides[0] === poolSize[0] && strides[1] === poolSize[1];
      return { kind, params: { poolSize, strides: same ? null : strides, padding: c.padding } };
    });
}

function pool1d(kind: 'MaxPool1D' | 'AvgPool1D'): LayerConverter {
  return (c) =>
    guarded(c, { ...LAYOUT, ...PADDING }, () => {
      const poolSize = single(c.pool_size, 2);
      const strides = single(c.strides, poolSize);
      return {
        kind,
        params: { poolSize, strides: strides === poolSize ? null : strides, padding: c.padding },
      };
    });
}

const global =
  (
    kind: 'GlobalAvgPool1D' | 'GlobalAvgPool2D' | 'GlobalMaxPool1D' | 'GlobalMaxPool2D',
  ): LayerConverter =>
  (c) =>
    guarded(c, { ...LAYOUT, keepdims: [false] }, () => ({ kind, params: {} }));

/**
 * Normalisation over the last axis only. Keras often writes the axis as a positive index after
 * building (`[3]` for images), which only the input's rank can confirm: the graph checks it.
 */
function normalization(kind: 'BatchNormalization' | 'LayerNormalization'): LayerConverter {
  return (c) =>
    guarded(c, { center: [true], scale: [true] }, (): Conversion => {
      const axis = c.axis === undefined ? [-1] : [c.axis].flat();
      if (axis.length !== 1 || typeof axis[0] !== 'number') {
        return {
          unsupported: `normalising over axes ${JSON.stringify(c.axis)} (Strata: the last)`,
        };
      }
      const momentum = kind === 'BatchNormalization' ? { momentum: c.momentum ?? 0.99 } : {};
      return {
        kind,
        params: { ...momentum, epsilon: c.epsilon ?? 0.001 },
        lastAxis: axis[0],
      };
    });
}

/** Converters of the convolution, pooling and normalisation families. */
export const spatialConverters: Record<string, LayerConverter> = {
  Conv1D: (c) =>
    guarded(c, { ...LAYOUT, ...PADDING }, () =>
      withActivation(c.activation, (activation) => ({
        kind: 'Conv1D',
        params: {
          filters: c.filters,
          kernelSize: single(c.kernel_size, 3),
          strides: single(c.strides, 1),
          padding: c.padding ?? 'valid',
          dilationRate: single(c.dilation_rate, 1),
          activation,
          useBias: c.use_bias ?? true,
        },
      })),
    ),
  Conv2D: conv('Conv2D', (c) => ({ filters: c.filters, dilationRate: pair(c.dilation_rate, 1) })),
  Conv2DTranspose: conv('Conv2DTranspose', (c) => ({ filters: c.filters }), {
    dilation_rate: [1, [1, 1]],
    output_padding: [null],
  }),
  SeparableConv2D: conv('SeparableConv2D', (c) => ({
    filters: c.filters,
    dilationRate: pair(c.dilation_rate, 1),
    depthMultiplier: c.depth_multiplier ?? 1,
  })),
  DepthwiseConv2D: conv('DepthwiseConv2D', (c) => ({ depthMultiplier: c.depth_multiplier ?? 1 }), {
    dilation_rate: [1, [1, 1]],
  }),
  MaxPooling1D: pool1d('MaxPool1D'),
  AveragePooling1D: pool1d('AvgPool1D'),
  MaxPooling2D: pool('MaxPool2D'),
  AveragePooling2D: pool('AvgPool2D'),
  GlobalAveragePooling1D: global('GlobalAvgPool1D'),
  GlobalAveragePooling2D: global('GlobalAvgPool2D'),
  GlobalMaxPooling1D: global('GlobalMaxPool1D'),
  GlobalMaxPooling2D: global('GlobalMaxPool2D'),
  BatchNormalization: normalization('BatchNormalization'),
  LayerNormalization: normalization('LayerNormalization'),
};
