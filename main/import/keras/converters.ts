import type { LayerConverter } from './config.js';
import { coreConverters } from './core-layers.js';
import { sequenceConverters } from './sequence-layers.js';
import { spatialConverters } from './spatial-layers.js';

/** Keras' aliases that some files use as class names. */
const aliases: Record<string, string> = {
  MaxPool1D: 'MaxPooling1D',
  MaxPool2D: 'MaxPooling2D',
  AvgPool1D: 'AveragePooling1D',
  AvgPool2D: 'AveragePooling2D',
  GlobalAvgPool1D: 'GlobalAveragePooling1D',
  GlobalAvgPool2D: 'GlobalAveragePooling2D',
  GlobalMaxPool1D: 'GlobalMaxPooling1D',
  GlobalMaxPool2D: 'GlobalMaxPooling2D',
  Convolution1D: 'Conv1D',
  Convolution2D: 'Conv2D',
  Conv2DTranspose: 'Conv2DTranspose',
  Deconvolution2D: 'Conv2DTranspose',
};

const table: Record<string, LayerConverter> = {
  ...coreConverters,
  ...spatialConverters,
  ...sequenceConverters,
};

/** The converter of a Keras / TF.js layer class, or undefined when Strata has no such layer. */
export function converterFor(className: string): LayerConverter | undefined {
  const name = aliases[className] ?? className;
  return Object.hasOwn(table, name) ? table[name] : undefined;
}

/** Every class name the importer understands, for messages and tests. */
export const KNOWN_CLASSES = [...Object.keys(table), ...Object.keys(aliases)].sort();
