import { describe, expect, it } from 'vitest';
import { findDataset } from '../../shared/datasets/catalogue.js';
import { heatmap, inputModes, parseVector } from './inputModes.js';

describe('inputModes', () => {
  it('offers drawing for digits, text for characters, numbers for tables, examples always', () => {
    expect(inputModes(findDataset('mnist'))).toEqual(['draw', 'file', 'example']);
    expect(inputModes(findDataset('moby-dick-chars'))).toEqual(['text', 'example']);
    expect(inputModes(findDataset('iris'))).toEqual(['vector', 'example']);
    expect(inputModes(findDataset('sine-sequences'))).toEqual(['example']);
    expect(inputModes({ inputShape: [32, 32, 3], inputDtype: 'float32' })).toEqual([
      'file',
      'example',
    ]);
    expect(inputModes(undefined)).toEqual(['example']);
  });
});

describe('parseVector', () => {
  it('reads numbers split by commas or spaces, and refuses anything else', () => {
    expect(parseVector('5.1, 3.5 1.4;0.2')).toEqual([5.1, 3.5, 1.4, 0.2]);
    expect(parseVector('1, two')).toBeUndefined();
    expect(parseVector('  ')).toBeUndefined();
  });
});

describe('heatmap', () => {
  it('draws the strongest weight white and no weight black, row by row', () => {
    const image = heatmap([
      [1, 0],
      [0.5, 0.5],
    ]);
    expect(image).toEqual({ width: 2, height: 2, channels: 1, data: [255, 0, 128, 128] });
  });
});
