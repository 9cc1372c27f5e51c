import { describe, expect, it } from 'vitest';
import { kwargs, py, pythonNames } from './python.js';

describe('pythonNames', () => {
  it('turns node ids into distinct identifiers that shadow nothing the file imports', () => {
    const names = pythonNames([
      'conv2d_1',
      'block/dense',
      'block_dense',
      '1x',
      'lambda',
      'torch',
      'F',
    ]);
    expect([...names.values()]).toEqual([
      'conv2d_1',
      'block_dense',
      'block_dense_2',
      'n_1x',
      'lambda_',
      'torch_',
      'F_',
    ]);
  });
});

describe('py', () => {
  it('writes Python literals: tuples, one-tuples, None and booleans', () => {
    expect(py([3, 3])).toBe('(3, 3)');
    expect(py([2])).toBe('(2,)');
    expect(py(null)).toBe('None');
    expect(py(true)).toBe('True');
    expect(py('same')).toBe('"same"');
    expect(kwargs({ a: 1, b: undefined, c: false })).toBe('a=1, c=False');
  });
});
