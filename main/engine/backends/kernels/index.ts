import {
  Add,
  BatchMatMul,
  Cast,
  Concat,
  getKernel,
  Identity,
  registerKernel,
  Slice,
  SplitV,
  Sum,
  unregisterKernel,
} from '@tensorflow/tfjs';
import type { KernelConfig } from '@tensorflow/tfjs';
import { batchMatMulConfig } from './batch-mat-mul.js';
import { biasAddConfig } from './bias-add.js';
import { conv2dBackpropFilterConfig } from './conv2d-backprop-filter.js';
import { conv2dBackpropInputConfig } from './conv2d-backprop-input.js';
import { depthwiseBackpropFilterConfig } from './depthwise-backprop-filter.js';
import { depthwiseBackpropInputConfig } from './depthwise-backprop-input.js';
import { maxPoolGradConfig } from './max-pool-grad.js';
import { castConfig, identityConfig } from './shared-copies.js';
import { concatConfig, sliceConfig, splitVConfig } from './slice.js';
import { sumConfig } from './sum.js';
import { unsortedSegmentSumConfig } from './unsorted-segment-sum.js';

// Where a training step of the MNIST CNN (batch 64, one thread) goes with these kernels, from
// tf.profile: ~38 ms of kernels per step. The 3×3×32→64 convolution's forward pass, input
// gradient and filter gradient take 7, 7.5 and 9 ms: each is one XNNPACK matrix product at
// ~40 GFLOP/s, about the peak of 128-bit SIMD without fused multiply-add, plus for the
// gradients the im2col/col2im passes and the packing of the output gradient. The third
// convolution's three take 4.5 ms, the first's 2 ms, and everything else under 1 ms each.
// PyTorch's step on the same core is ~20 ms: oneDNN's AVX-512 convolutions run at ~120 GFLOP/s.
// Before these kernels the step was ~67 ms: stock wasm spent 21 ms in the first MaxPoolGrad
// (now 1 ms), its transposed-convolution gradients did 1.4-2.8× the needed multiplications,
// the first layer's filter gradient packed the whole output gradient (5 ms, now 1 ms), and
// Identity copies, broadcasting adds and bias-gradient sums cost ~5 ms (now ~1 ms).
// Transposes above rank 4 and StridedSlice with strides take generic paths 100× slower than
// their 4-D forms. Slice, SplitV and Concat read the heap in place (slice.ts): wasm's copy the
// whole input out on every Slice, which made a Tile gradient quadratic in the batch.
/**
 * The kernels training needs that `@tensorflow/tfjs-backend-wasm` 4.22 lacks (found by training
 * one small model per layer family on it), then faster versions of ones it has that dominate a
 * training step: Conv2DBackpropInput and MaxPoolGrad wholesale; Sum, BatchMatMul, bias Add,
 * Identity and Cast that share memory instead of copying, and Slice, SplitV and Concat that read
 * in place, in front of the native ones.
 */
export function trainingKernels(backendName: string): KernelConfig[] {
  const configs = [
    conv2dBackpropFilterConfig(backendName),
    conv2dBackpropInputConfig(backendName),
    depthwiseBackpropFilterConfig(backendName),
    depthwiseBackpropInputConfig(backendName),
    unsortedSegmentSumConfig(backendName),
    maxPoolGradConfig(backendName),
  ];
  const sum = nativeKernel(Sum, backendName);
  if (sum !== undefined) configs.push(sumConfig(sum));
  const batchMatMul = nativeKernel(BatchMatMul, backendName);
  if (batchMatMul !== undefined) configs.push(batchMatMulConfig(batchMatMul));
  const add = nativeKernel(Add, backendName);
  if (add !== undefined) configs.push(biasAddConfig(add));
  const identity = nativeKernel(Identity, backendName);
  if (identity !== undefined) configs.push(identityConfig(identity));
  const cast = nativeKernel(Cast, backendName);
  if (cast !== undefined) configs.push(castConfig(cast));
  const slice = nativeKernel(Slice, backendName);
  if (slice !== undefined) configs.push(sliceConfig(slice));
  const splitV = nativeKernel(SplitV, backendName);
  if (splitV !== undefined) configs.push(splitVConfig(splitV));
  const concat = nativeKernel(Concat, backendName);
  if (concat !== undefined) configs.push(concatConfig(concat));
  return configs;
}

/** The backend's own kernel, kept once so that re-registering never wraps our own wrapper. */
function nativeKernel(name: string, backendName: string): KernelConfig | undefined {
  const key = `${backendName}/${name}`;
  if (!natives.has(key)) natives.set(key, getKernel(name, backendName));
  return natives.get(key);
}

const natives = new Map<string, KernelConfig | undefined>();

const completed = new Set<string>();

/** Registers the training kernels for `backendName` once, replacing any it already has. */
export function completeTrainingKernels(backendName = 'wasm'): string[] {
  const configs = trainingKernels(backendName);
  if (!completed.has(backendName)) {
    for (const config of configs) {
      if (getKernel(config.kernelName, backendName) !== undefined) {
        unregisterKernel(config.kernelName, backendName);
      }
      registerKernel(config);
    }
    completed.add(backendName);
  }
  return configs.map((config) => config.kernelName);
}
