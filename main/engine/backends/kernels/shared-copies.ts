import type { CastAttrs, KernelBackend, KernelConfig, TensorInfo } from '@tensorflow/tfjs';
import { withFastPath } from './fast-path.js';

/** The part of a backend that counts references to a tensor's memory. */
interface CountingBackend {
  incRef(dataId: TensorInfo['dataId']): void;
}

function share(backend: object, x: TensorInfo): TensorInfo | undefined {
  const counting = backend as Partial<CountingBackend> & KernelBackend;
  if (typeof counting.incRef !== 'function' || x.dtype === 'string') return undefined;
  counting.incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
}

/**
 * Identity that shares its input's memory (one more reference) instead of copying it, as the
 * cpu backend's does. Tensors are immutable, so nobody can tell, and a training step of a small
 * CNN makes about ten identities of its largest activations (gradient bookkeeping).
 */
export function identityConfig(native: KernelConfig): KernelConfig {
  return withFastPath(native, ({ inputs, backend }) => share(backend, inputs.x!));
}

/** Cast to the dtype a tensor already has (ReLU's gradient makes one per layer), shared too. */
export function castConfig(native: KernelConfig): KernelConfig {
  return withFastPath(native, ({ inputs, backend, attrs }) => {
    const x = inputs.x!;
    return (attrs as unknown as CastAttrs).dtype === x.dtype ? share(backend, x) : undefined;
  });
}
