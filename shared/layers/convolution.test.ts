import { describe, expect, it } from 'vitest';
import { convolutionLayers } from './convolution.js';
import { applyLayer } from './apply.js';
import type { TensorShape } from './shape.js';

type Kind = keyof typeof convolutionLayers;

/** Shape, counts and multiply-adds of one layer, with its parameters' defaults filled in. */
const analyse = (kind: Kind, params: Record<string, unknown>, input: TensorShape) =>
  applyLayer(convolutionLayers[kind], convolutionLayers[kind].params.parse(params), [input]);

describe('convolution catalogue', () => {
  it("matches Keras' MNIST convnet summary", () => {
    // Keras: Conv2D(32, 3) on 28×28×1 gives (None, 26, 26, 32) with 320 params, then after a
    // 2×2 pool Conv2D(64, 3) gives (None, 11, 11, 64) with 18,496 params.
    expect(analyse('Conv2D', { filters: 32 }, [28, 28, 1])).toMatchObject({
      shape: [26, 26, 32],
      counts: { trainable: 320, nonTrainable: 0 },
      macs: 26 * 26 * 32 * 3 * 3 * 1,
    });
    expect(analyse('Conv2D', { filters: 64 }, [13, 13, 32])).toMatchObject({
      shape: [11, 11, 64],
      counts: { trainable: 18_496 },
    });
  });

  it('pads to ceil(size / stride) with same padding and dilates the window span', () => {
    const same = { filters: 4, kernelSize: [5, 5], strides: [2, 2], padding: 'same' };
    expect(analyse('Conv2D', same, [28, 7, 3])).toMatchObject({ shape: [14, 4, 4] });
    // A 3-tap window dilated by 2 spans 5 positions: 10 - 5 + 1 = 6.
    expect(analyse('Conv2D', { filters: 1, dilationRate: [2, 1] }, [10, 10, 1])).toMatchObject({
      shape: [6, 8, 1],
    });
    expect(analyse('Conv1D', { filters: 64, kernelSize: 3 }, [100, 16])).toMatchObject({
      shape: [98, 64],
      counts: { trainable: 3 * 16 * 64 + 64 },
    });
    expect(analyse('Conv1D', { kernelSize: 3, strides: 2 }, [null, 16])).toMatchObject({
      shape: [null, 32],
    });
  });

  it('upsamples with Conv2DTranspose as (size - 1) × stride + kernel, or size × stride when same', () => {
    const params = { filters: 16, kernelSize: [3, 3], strides: [2, 2] };
    expect(analyse('Conv2DTranspose', params, [7, 7, 32])).toMatchObject({
      shape: [15, 15, 16],
      counts: { trainable: 3 * 3 * 32 * 16 + 16 },
      macs: 7 * 7 * 32 * 3 * 3 * 16,
    });
    expect(analyse('Conv2DTranspose', { ...params, padding: 'same' }, [7, null, 32])).toMatchObject(
      { shape: [14, null, 16] },
    );
  });

  it('counts separable and depthwise weights per input channel', () => {
    expect(analyse('SeparableConv2D', { filters: 64 }, [32, 32, 32])).toMatchObject({
      shape: [30, 30, 64],
      counts: { trainable: 3 * 3 * 32 + 32 * 64 + 64 },
      macs: 30 * 30 * (3 * 3 * 32 + 32 * 64),
    });
    const depthwise = { depthMultiplier: 2, padding: 'same', useBias: false };
    expect(analyse('DepthwiseConv2D', depthwise, [112, 112, 32])).toMatchObject({
      shape: [112, 112, 64],
      counts: { trainable: 3 * 3 * 32 * 2 },
      macs: 112 * 112 * 64 * 3 * 3,
    });
  });

  it('says a vector cannot feed Conv2D, naming both shapes', () => {
    const result = analyse('Conv2D', {}, [784]);
    expect(result).toMatchObject({ ok: false, issue: { code: 'rank-mismatch', port: 0 } });
    if (!result.ok) {
      expect(result.issue.message).toContain('784');
      expect(result.issue.message).toContain('height×width×channels');
      expect(result.issue.hint).toMatch(/Reshape/);
    }
    expect(analyse('Conv1D', {}, [8, 8, 3])).toMatchObject({ issue: { code: 'rank-mismatch' } });
  });

  it('says when a valid window is larger than the image, naming both', () => {
    const result = analyse('Conv2D', { kernelSize: [5, 5] }, [3, 3, 1]);
    expect(result).toMatchObject({ ok: false, issue: { code: 'size-mismatch' } });
    if (!result.ok) expect(result.issue.message).toMatch(/5×5.*3×3×1/);
    const dilated = analyse('SeparableConv2D', { dilationRate: [3, 3] }, [6, 6, 1]);
    if (!dilated.ok) expect(dilated.issue.message).toMatch(/span 7×7.*6×6×1/);
    expect(dilated.ok).toBe(false);
    expect(analyse('Conv2D', { kernelSize: [5, 5], padding: 'same' }, [3, 3, 1])).toMatchObject({
      shape: [3, 3, 32],
    });
  });

  it('needs known channels and refuses strides combined with dilation', () => {
    expect(analyse('Conv2D', {}, [8, 8, null])).toMatchObject({
      issue: { code: 'size-mismatch' },
    });
    expect(analyse('Conv1D', { strides: 2, dilationRate: 2 }, [20, 3])).toMatchObject({
      issue: { code: 'bad-param', param: 'dilationRate' },
    });
  });
});
