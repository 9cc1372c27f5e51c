import { getKernel } from '@tensorflow/tfjs';
import type { KernelBackend, NamedAttrMap, NamedTensorInfoMap, TensorInfo } from '@tensorflow/tfjs';

/**
 * Runs a backend's own kernels directly (no engine, no tape) to compose a missing kernel, and
 * frees every intermediate it made once the result is chosen.
 */
export class KernelScope {
  private readonly made: TensorInfo[] = [];

  constructor(
    private readonly backend: KernelBackend,
    private readonly backendName: string,
  ) {}

  /** Runs kernel `name` of this scope's backend; its output is freed by `finish` unless kept. */
  run(name: string, inputs: NamedTensorInfoMap | TensorInfo[], attrs: object = {}): TensorInfo {
    const outs = this.runMany(name, inputs, attrs);
    if (outs.length !== 1) throw new Error(`Kernel '${name}' returned ${outs.length} outputs.`);
    return outs[0]!;
  }

  /** Runs a kernel with several outputs (MaxPoolWithArgmax, for one). */
  runMany(
    name: string,
    inputs: NamedTensorInfoMap | TensorInfo[],
    attrs: object = {},
  ): TensorInfo[] {
    const kernel = getKernel(name, this.backendName);
    if (kernel === undefined) {
      throw new Error(`Kernel '${name}' is not registered for backend '${this.backendName}'.`);
    }
    // Pack and Concat take their inputs as an array; the registry's type only names the map form.
    const named = inputs as NamedTensorInfoMap;
    const out = kernel.kernelFunc({
      inputs: named,
      backend: this.backend,
      attrs: attrs as NamedAttrMap,
    });
    const outs = Array.isArray(out) ? out : [out];
    this.made.push(...outs);
    return outs;
  }

  /** Frees `info`, made outside this scope, with the scope's other intermediates. */
  adopt(info: TensorInfo): TensorInfo {
    this.made.push(info);
    return info;
  }

  /** Reshape without copying (the backend shares the buffer and counts the reference). */
  reshape(x: TensorInfo, shape: number[]): TensorInfo {
    return this.run('Reshape', { x }, { shape });
  }

  transpose(x: TensorInfo, perm: number[]): TensorInfo {
    return this.run('Transpose', { x }, { perm });
  }

  /** Frees every intermediate except `result` (if any), which the caller hands to the engine. */
  finish<T extends TensorInfo | undefined>(result: T): T {
    for (const info of this.made) if (info !== result) this.backend.disposeData(info.dataId);
    this.made.length = 0;
    return result;
  }
}

/**
 * Runs `compose` in a fresh scope and returns its result with all intermediates freed.
 * `backend` is what a kernel receives, which tfjs types as `{}`.
 */
export function composed(
  backend: object,
  backendName: string,
  compose: (scope: KernelScope) => TensorInfo,
): TensorInfo {
  const scope = new KernelScope(backend as KernelBackend, backendName);
  try {
    return scope.finish(compose(scope));
  } catch (error) {
    scope.finish(undefined);
    throw error;
  }
}
