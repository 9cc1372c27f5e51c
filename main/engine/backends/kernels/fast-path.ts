import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';

/** A kernel body that handles the cases it is fast for and returns undefined for the rest. */
export type FastPath = (args: Parameters<KernelFunc>[0]) => TensorInfo | undefined;

/**
 * Puts `fast` in front of a backend's own kernel: the native one (and its setup, which binds
 * its wasm export when the backend starts) still serves every case `fast` declines.
 */
export function withFastPath(native: KernelConfig, fast: FastPath): KernelConfig {
  return {
    ...native,
    kernelFunc: (args) => fast(args) ?? native.kernelFunc(args),
  };
}
