import { BatchMatMul, getKernel, registerKernel, Sum, unregisterKernel } from '@tensorflow/tfjs';
import type { KernelConfig } from '@tensorflow/tfjs';
import { batchMatMulConfig } from './batch-mat-mul.js';
import { conv2dBackpropFilterConfig } from './conv2d-backprop-filter.js';
import { conv2dBackpropInputConfig } from './conv2d-backprop-input.js';
import { depthwiseBackpropFilterConfig } from './depthwise-backprop-filter.js';
import { depthwiseBackpropInputConfig } from './depthwise-backprop-input.js';
import { maxPoolGradConfig } from './max-pool-grad.js';
import { sumConfig } from './sum.js';
import { unsortedSegmentSumConfig } from './unsorted-segment-sum.js';

/**
 * The kernels training needs that `@tensorflow/tfjs-backend-wasm` 4.22 lacks (found by training
 * one small model per layer family on it), then faster versions of ones it has that dominate a
 * training step: Conv2DBackpropInput and MaxPoolGrad wholesale, Sum and BatchMatMul in front of the native
 * ones.
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
