import { getKernel, registerKernel } from '@tensorflow/tfjs';
import type { KernelBackend, KernelConfig, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';
import { heapKernels } from '../../backends/simd/heap-kernels.js';

// A recurrent layer's whole sequence as two kernels, forward and backward, instead of ~90 tfjs
// ops per timestep (tfjs' rnn() slices each step out of the input, runs the cell's matmuls,
// splits, gates and concats, and the tape records all of it): per step these run one matrix
// product through the backend's own BatchMatMul kernel (XNNPACK on wasm) and the gate
// arithmetic in one JavaScript pass over memory the backend owns. The input projection for
// every timestep, and the weight gradients, are single large products outside (fused-sequence.ts).

/** Kernel names, registered for the backends in RECURRENT_BACKENDS. */
export const RECURRENT_FORWARD = 'StrataRecurrentForward';
export const RECURRENT_BACKWARD = 'StrataRecurrentBackward';
export const RECURRENT_BACKENDS = ['cpu', 'wasm'] as const;

/** The recurrent cells the kernels run, with Keras' gate layouts. */
export type CellKind = 'lstm' | 'gru' | 'rnn';
/** Activations with a derivative computable from their output. */
export type CellActivation = 'tanh' | 'sigmoid' | 'relu' | 'linear';

export interface RecurrentAttrs {
  cell: CellKind;
  units: number;
  activation: CellActivation;
  /** Backward only: whether dy holds every step's output gradient ([B,T,U]) or the last's ([B,U]). */
  returnSequences?: boolean;
}

/** Gate blocks per cell: LSTM i,f,c,o; GRU (reset-after) z,r,h; SimpleRNN one. */
export const GATES: Record<CellKind, number> = { lstm: 4, gru: 3, rnn: 1 };
/** Values kept per unit and step for the backward pass. */
const CACHED: Record<CellKind, number> = { lstm: 5, gru: 4, rnn: 0 };

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));
/** tanh through one exp: V8's Math.tanh costs about half as much again, and this loop is ~5 of them per unit and step. */
function tanh(v: number): number {
  if (v > 20) return 1;
  if (v < -20) return -1;
  if (Math.abs(v) < 1e-4) return v; // (e − 1) would lose digits; the cubic term is below 1e-12
  const e = Math.exp(2 * v);
  return (e - 1) / (e + 1);
}
const activations: Record<CellActivation, (v: number) => number> = {
  tanh,
  sigmoid,
  relu: (v) => (v > 0 ? v : 0),
  linear: (v) => v,
};
/** Each activation's derivative, from its output y. */
const slopes: Record<CellActivation, (y: number) => number> = {
  tanh: (y) => 1 - y * y,
  sigmoid: (y) => y * (1 - y),
  relu: (y) => (y > 0 ? 1 : 0),
  linear: () => 1,
};

/**
 * Float32 tensors of one backend, read and written in place: wasm's live in its heap (views go
 * stale when the heap grows, so `view` is called again after every allocation), cpu's in arrays.
 */
class Memory {
  private readonly made: TensorInfo[] = [];

  constructor(
    private readonly backend: KernelBackend,
    private readonly backendName: string,
  ) {}

  private get heap(): {
    makeOutput(shape: number[], dtype: 'float32'): TensorInfo;
    typedArrayFromHeap(info: TensorInfo): Float32Array;
  } {
    return this.backend as unknown as Memory['heap'];
  }

  /** A zeroed tensor, freed by `finish` unless it is returned. */
  make(shape: number[]): TensorInfo {
    let info: TensorInfo;
    if (this.backendName === 'wasm') {
      info = this.heap.makeOutput(shape, 'float32');
      this.view(info).fill(0);
    } else {
      const size = shape.reduce((a, b) => a * b, 1);
      info = {
        dataId: this.backend.write(new Float32Array(size), shape, 'float32'),
        shape,
        dtype: 'float32',
      };
    }
    this.made.push(info);
    return info;
  }

  view(info: TensorInfo): Float32Array {
    return this.backendName === 'wasm'
      ? this.heap.typedArrayFromHeap(info)
      : (this.backend.readSync(info.dataId) as Float32Array);
  }

  /** The backend's own kernel `name` on `inputs`; its output is freed by `finish` too. */
  run(name: string, inputs: Record<string, TensorInfo>, attrs: object): TensorInfo {
    const kernel = getKernel(name, this.backendName)!;
    const out = kernel.kernelFunc({
      inputs,
      backend: this.backend,
      attrs: attrs as NamedAttrMap,
    }) as TensorInfo;
    this.made.push(out);
    return out;
  }

  /** a·b for a [1,M,K], b [1,K,N]. */
  matMul(a: TensorInfo, b: TensorInfo): TensorInfo {
    return this.run('BatchMatMul', { a, b }, { transposeA: false, transposeB: false });
  }

  private operand?: TensorInfo;

  /**
   * into := A·b, where A is the [M,K] block of `a` starting at element `from` and b is [K,N];
   * answers a fresh view of `into` ([M,N], made by the caller). On wasm with N a multiple of 16
   * this is one SIMD tallProduct over the heap (no allocation, no copy); elsewhere the backend's
   * BatchMatMul on a copy of the block.
   */
  product(a: TensorInfo, from: number, b: TensorInfo, into: TensorInfo): Float32Array {
    const [K, N] = b.shape as [number, number];
    const M = into.shape[0]!;
    const kernels = this.backendName === 'wasm' ? heapKernels(this.backend) : undefined;
    if (kernels !== undefined && N % 16 === 0) {
      const at = (info: TensorInfo) =>
        (this.backend as unknown as { getMemoryOffset(id: object): number }).getMemoryOffset(
          info.dataId,
        );
      this.view(into).fill(0);
      kernels.tallProduct(at(a) + 4 * from, at(b), at(into), M, K, N);
      return this.view(into);
    }
    this.operand ??= this.make([1, M, K]);
    this.view(this.operand).set(this.view(a).subarray(from, from + M * K));
    const b3 = this.run('Reshape', { x: b }, { shape: [1, K, N] });
    const product = this.matMul(this.operand, b3);
    const out = this.view(into);
    out.set(this.view(product));
    this.free(product);
    this.free(b3);
    return out;
  }

  free(info: TensorInfo): void {
    const i = this.made.indexOf(info);
    if (i >= 0) this.made.splice(i, 1);
    this.backend.disposeData(info.dataId);
  }

  /** Frees everything made here except `keep`. */
  finish(keep: TensorInfo[]): void {
    for (const info of this.made) if (!keep.includes(info)) this.backend.disposeData(info.dataId);
  }
}

/**
 * Forward over the sequence. Inputs: `projection` [B,T,G·U] (x·W plus the input bias, every step),
 * `recurrentKernel` [U,G·U] and, for GRU only, `recurrentBias` [G·U] (its second bias).
 * Outputs: `states` [T+1,B,U] (h₀ = 0 first, time-major) and `cache` [T,B,max(1,C·U)], what the
 * backward pass needs (LSTM: i,f,g,o,c; GRU: z,r,n and h·U_h + b_h).
 */
function forward(memory: Memory, ins: Record<string, TensorInfo>, a: RecurrentAttrs) {
  const { projection, recurrentKernel, recurrentBias } = ins as Record<string, TensorInfo>;
  const [B, T] = projection!.shape as [number, number, number];
  const U = a.units;
  const G = GATES[a.cell] * U;
  const W = Math.max(1, CACHED[a.cell] * U);
  const act = activations[a.activation];
  const states = memory.make([T + 1, B, U]);
  const cache = memory.make([T, B, W]);
  const recurrent = memory.make([B, G]);
  for (let t = 0; t < T; t++) {
    // h_t·U, from the states' block for step t (h₀ = 0 first).
    const R = memory.product(states, t * B * U, recurrentKernel!, recurrent);
    const P = memory.view(projection!);
    const rb = recurrentBias ? memory.view(recurrentBias) : R;
    const S = memory.view(states);
    const C = memory.view(cache);
    for (let b = 0; b < B; b++) {
      const p = (b * T + t) * G;
      const r = b * G;
      const h = ((t + 1) * B + b) * U;
      const hp = (t * B + b) * U;
      const c = (t * B + b) * W;
      for (let j = 0; j < U; j++) {
        if (a.cell === 'lstm') {
          const i = sigmoid(P[p + j]! + R[r + j]!);
          const f = sigmoid(P[p + U + j]! + R[r + U + j]!);
          const g = act(P[p + 2 * U + j]! + R[r + 2 * U + j]!);
          const o = sigmoid(P[p + 3 * U + j]! + R[r + 3 * U + j]!);
          const cellPrevious = t > 0 ? C[c - B * W + 4 * U + j]! : 0;
          const cell = f * cellPrevious + i * g;
          C[c + j] = i;
          C[c + U + j] = f;
          C[c + 2 * U + j] = g;
          C[c + 3 * U + j] = o;
          C[c + 4 * U + j] = cell;
          S[h + j] = o * act(cell);
        } else if (a.cell === 'gru') {
          const z = sigmoid(P[p + j]! + R[r + j]! + rb[j]!);
          const reset = sigmoid(P[p + U + j]! + R[r + U + j]! + rb[U + j]!);
          const hh = R[r + 2 * U + j]! + rb[2 * U + j]!;
          const n = act(P[p + 2 * U + j]! + reset * hh);
          C[c + j] = z;
          C[c + U + j] = reset;
          C[c + 2 * U + j] = n;
          C[c + 3 * U + j] = hh;
          S[h + j] = z * S[hp + j]! + (1 - z) * n;
        } else {
          S[h + j] = act(P[p + j]! + R[r + j]!);
        }
      }
    }
  }
  return [states, cache];
}

/**
 * Backward over the sequence. Inputs: `dy` (the output's gradient, [B,T,U] or [B,U]), `states`,
 * `cache` and `recurrentKernel` as above. Outputs: `dInput` [B,T,G·U], the gradient of the
 * projection (so of x·W and the input bias), and `dRecurrent` [T,B,G·U], the gradient of
 * h·U + recurrent bias at each step (it differs from dInput only in GRU's candidate block).
 */
function backward(memory: Memory, ins: Record<string, TensorInfo>, a: RecurrentAttrs) {
  const { dy, states, cache, recurrentKernel } = ins as Record<string, TensorInfo>;
  const [T1, B, U] = states!.shape as [number, number, number];
  const T = T1 - 1;
  const G = GATES[a.cell] * U;
  const W = Math.max(1, CACHED[a.cell] * U);
  const slope = slopes[a.activation];
  const act = activations[a.activation];
  const dInput = memory.make([B, T, G]);
  const dRecurrent = memory.make([T, B, G]);
  const step = memory.make([B, G]);
  const back = memory.make([B, U]);
  const kernelT = memory.run('Transpose', { x: recurrentKernel! }, { perm: [1, 0] });
  const dhNext = new Float32Array(B * U); // the gradient reaching h_t from step t+1
  const dcNext = new Float32Array(B * U); // LSTM: the gradient reaching c_t from step t+1
  for (let t = T - 1; t >= 0; t--) {
    const Y = memory.view(dy!);
    const S = memory.view(states!);
    const C = memory.view(cache!);
    const DI = memory.view(dInput);
    const DR = memory.view(dRecurrent);
    const D = memory.view(step);
    for (let b = 0; b < B; b++) {
      const y = a.returnSequences ? (b * T + t) * U : t === T - 1 ? b * U : -1;
      const c = (t * B + b) * W;
      const di = (b * T + t) * G;
      const dr = (t * B + b) * G;
      const d = b * G;
      for (let j = 0; j < U; j++) {
        const k = b * U + j;
        const dh = (y >= 0 ? Y[y + j]! : 0) + dhNext[k]!;
        if (a.cell === 'lstm') {
          const i = C[c + j]!;
          const f = C[c + U + j]!;
          const g = C[c + 2 * U + j]!;
          const o = C[c + 3 * U + j]!;
          const cellOut = act(C[c + 4 * U + j]!);
          const cellPrevious = t > 0 ? C[c - B * W + 4 * U + j]! : 0;
          const dc = dcNext[k]! + dh * o * slope(cellOut);
          dcNext[k] = dc * f;
          D[d + j] = dc * g * i * (1 - i);
          D[d + U + j] = dc * cellPrevious * f * (1 - f);
          D[d + 2 * U + j] = dc * i * slope(g);
          D[d + 3 * U + j] = dh * cellOut * o * (1 - o);
          dhNext[k] = 0;
        } else if (a.cell === 'gru') {
          const z = C[c + j]!;
          const reset = C[c + U + j]!;
          const n = C[c + 2 * U + j]!;
          const hh = C[c + 3 * U + j]!;
          const hp = S[(t * B + b) * U + j]!;
          const dn = dh * (1 - z) * slope(n);
          const dz = dh * (hp - n) * z * (1 - z);
          D[d + j] = dz;
          D[d + U + j] = dn * hh * reset * (1 - reset);
          D[d + 2 * U + j] = dn * reset;
          DI[di + 2 * U + j] = dn;
          dhNext[k] = dh * z;
        } else {
          D[d + j] = dh * slope(S[((t + 1) * B + b) * U + j]!);
          dhNext[k] = 0;
        }
      }
      // dInput equals dRecurrent but for GRU's candidate block, written above.
      const blocks = a.cell === 'gru' ? 2 * U : G;
      DI.set(D.subarray(d, d + blocks), di);
      DR.set(D.subarray(d, d + G), dr);
    }
    if (t > 0) {
      const fromStep = memory.product(step, 0, kernelT, back);
      for (let k = 0; k < B * U; k++) dhNext[k] = dhNext[k]! + fromStep[k]!;
    }
  }
  return [dInput, dRecurrent];
}

function config(kernelName: string, backendName: string, body: typeof forward): KernelConfig {
  return {
    kernelName,
    backendName,
    kernelFunc: ({ inputs, backend, attrs }) => {
      const memory = new Memory(backend as KernelBackend, backendName);
      try {
        const outs = body(
          memory,
          inputs as Record<string, TensorInfo>,
          attrs as unknown as RecurrentAttrs,
        );
        memory.finish(outs);
        return outs;
      } catch (error) {
        memory.finish([]);
        throw error;
      }
    },
  };
}

/** Registers both kernels for cpu and wasm (once; a second call changes nothing). */
export function registerRecurrentKernels(): void {
  for (const backendName of RECURRENT_BACKENDS) {
    if (getKernel(RECURRENT_FORWARD, backendName) !== undefined) continue;
    registerKernel(config(RECURRENT_FORWARD, backendName, forward));
    registerKernel(config(RECURRENT_BACKWARD, backendName, backward));
  }
}
