import type { ModelGraph } from '../../shared/graph/document.js';
import { sketch } from '../../shared/templates/sketch.js';

/**
 * Test support: small graphs using every layer kind the templates leave out, so a round trip
 * through TF.js files covers the whole catalogue.
 */
export function coverageGraphs(): ModelGraph[] {
  return [sequences(), images(), reshaping()];
}

function sequences(): ModelGraph {
  const g = sketch();
  const tokens = g.add('Input', { shape: [12], dtype: 'int32' });
  const embedded = g.chain(
    tokens,
    ['Embedding', { inputDim: 96, outputDim: 16 }],
    ['SinusoidalPositionalEncoding', { maxWavelength: 1000 }],
  );
  const attended = g.add('MultiHeadAttention', { numHeads: 2, keyDim: 4, valueDim: 6 }, [
    embedded,
    embedded,
  ]);
  const decoded = g.add('TransformerDecoderBlock', { numHeads: 2, keyDim: 8, ffDim: 32 }, [
    attended,
    embedded,
  ]);
  const both = g.chain(
    decoded,
    ['Bidirectional', { layer: 'GRU', units: 6, returnSequences: true, mergeMode: 'sum' }],
    ['Bidirectional', { layer: 'LSTM', units: 4, returnSequences: true }],
    ['SimpleRNN', { units: 8, returnSequences: true, activation: 'relu' }],
    ['GRU', { units: 8, returnSequences: true, resetAfter: false }],
    ['TimeDistributed', { units: 8, activation: 'leaky_relu' }],
  );
  const pooled = g.chain(
    both,
    ['Conv1D', { filters: 8, kernelSize: 3, padding: 'same', activation: 'leaky_relu' }],
    ['MaxPool1D', { poolSize: 2 }],
    ['AvgPool1D', { poolSize: 2, strides: 1 }],
    ['GlobalMaxPool1D'],
  );
  const twice = g.add('Add', {}, [pooled, pooled]);
  const difference = g.add('Subtract', {}, [twice, pooled]);
  g.chain(
    g.add('Multiply', {}, [difference, pooled]),
    ['Activation', { fn: 'leaky_relu', alpha: 0.1 }],
    ['Dense', { units: 3, activation: 'leaky_relu' }],
    ['Output', { loss: 'mean_squared_error', metrics: [] }],
  );
  return g.done('sequences', 'Sequence kinds');
}

function images(): ModelGraph {
  const g = sketch();
  const image = g.add('Input', { shape: [16, 16, 3] });
  const a = g.chain(
    image,
    ['SeparableConv2D', { filters: 6, depthMultiplier: 2, padding: 'same' }],
    ['DepthwiseConv2D', { padding: 'same', activation: 'linear' }],
    ['LayerNormalization', { epsilon: 0.0001 }],
  );
  const b = g.chain(image, ['Conv2D', { filters: 6, kernelSize: [1, 1] }]);
  const merged = g.add('Average', {}, [a, b]);
  const left = g.chain(
    merged,
    ['AvgPool2D', { poolSize: [2, 2], strides: [1, 1] }],
    ['GlobalMaxPool2D'],
  );
  const right = g.chain(merged, ['GlobalAvgPool2D']);
  g.chain(
    g.add('Concatenate', { axis: -1 }, [left, right]),
    ['Dense', { units: 2, activation: 'sigmoid', useBias: false }],
    ['Output', { loss: 'binary_crossentropy' }],
  );
  return g.done('images', 'Image kinds');
}

function reshaping(): ModelGraph {
  const g = sketch();
  g.chain(
    g.add('Input', { shape: [24] }),
    ['Reshape', { targetShape: [4, 6] }],
    ['Permute', { dims: [2, 1] }],
    ['Flatten'],
    ['RepeatVector', { n: 2 }],
    ['Reshape', { targetShape: [2, 4, 6, 1] }],
    ['Reshape', { targetShape: [8, 6, 1] }],
    ['UpSampling2D', { size: [2, 1] }],
    ['ZeroPadding2D', { padding: [1, 0, 2, 1] }],
    ['Cropping2D', { cropping: [0, 1, 1, 0] }],
    ['Conv2DTranspose', { filters: 2, strides: [1, 1], activation: 'elu' }],
    ['Flatten'],
    ['Output', { loss: 'mean_absolute_error' }],
  );
  return g.done('reshaping', 'Reshape kinds');
}
