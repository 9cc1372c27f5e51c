import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { loadWasmBackend } from '../wasm.js';
import { assemble } from './assemble.js';
import { heapKernels } from './heap-kernels.js';

describe('WebAssembly heap kernels', () => {
  it('are absent for a backend without wasm memory', async () => {
    await tf.setBackend('cpu');
    expect(heapKernels(tf.backend())).toBeUndefined();
  });

  it('run over the wasm backend memory, one instance per memory', async () => {
    await loadWasmBackend();
    await tf.setBackend('wasm');
    const kernels = heapKernels(tf.backend());
    expect(kernels).toBeDefined();
    expect(heapKernels(tf.backend())).toBe(kernels);
    expect(Object.keys(kernels!).sort()).toEqual([
      'addToRows',
      'col2im',
      'columnSums',
      'im2colTransposed',
      'maxPoolGrad2x2',
      'tallProduct',
    ]);
  });

  it('name the source and line of a text that does not assemble', async () => {
    await expect(assemble('broken', '(module\n  (func (result i32)))')).rejects.toThrow(
      /broken\.wat:2/,
    );
  });
});
