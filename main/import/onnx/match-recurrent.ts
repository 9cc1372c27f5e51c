import type { Constant, OpNode } from './decode.js';
import {
  intAttr,
  intsAttr,
  stringAttr,
  type ImportedWeight,
  type MatchContext,
  type Matcher,
} from './match.js';

type Kind = 'SimpleRNN' | 'LSTM' | 'GRU';

const KINDS: Record<string, Kind> = { RNN: 'SimpleRNN', LSTM: 'LSTM', GRU: 'GRU' };
const GATES: Record<Kind, number> = { SimpleRNN: 1, LSTM: 4, GRU: 3 };
/** Keras' gate k is ONNX's block GATE_OF[kind][k] (Keras i, f, c, o; ONNX i, o, f, c). */
const ONNX_BLOCK: Record<Kind, number[]> = { SimpleRNN: [0], LSTM: [0, 2, 3, 1], GRU: [0, 1, 2] };
const DEFAULT_ACTIVATIONS: Record<Kind, string[]> = {
  SimpleRNN: ['Tanh'],
  LSTM: ['Sigmoid', 'Tanh', 'Tanh'],
  GRU: ['Sigmoid', 'Tanh'],
};
const CELL: Record<string, string> = { Tanh: 'tanh', Relu: 'relu', Sigmoid: 'sigmoid' };

/**
 * A batch-first recurrent layer as Keras exporters write it: Transpose to time-major, the
 * RNN / LSTM / GRU operator, then the last state (Squeeze of Y_h) or every step (Squeeze of Y and
 * Transpose back). One direction; Bidirectional is not read yet.
 */
export const matchRecurrent: Matcher = (n, ctx) => {
  if (n.opType !== 'Transpose' || intsAttr(n, 'perm')?.join() !== '1,0,2') return undefined;
  const op = ctx.soleConsumer(n.outputs[0]);
  const kind = op && KINDS[op.opType];
  if (!op || !kind) return undefined;
  if ((stringAttr(op, 'direction') ?? 'forward') !== 'forward') {
    return { refused: `${op.opType} is imported forward only (Bidirectional is not read yet)` };
  }
  if (op.inputs.slice(4).some((t) => t !== '')) {
    return { refused: `${op.opType} with sequence lengths or initial states has no Strata layer` };
  }
  const [w, r, b] = op.inputs.slice(1, 4).map((t) => (t ? ctx.constant(t) : undefined));
  const units = intAttr(op, 'hidden_size', 0);
  if (!w || !r || units < 1) {
    return { refused: `${op.opType} needs constant weights and a hidden_size` };
  }
  const cell = cellParams(kind, op);
  if ('refused' in cell) return cell;
  const end = outputOf(op, ctx);
  if (!end) {
    return { refused: `${op.opType}'s outputs are read in a way Strata's layers do not produce` };
  }
  const weights = kerasWeights(kind, units, w, r, b, cell.resetAfter);
  if ('refused' in weights) return weights;
  const { resetAfter, ...params } = cell;
  return {
    kind,
    params: {
      units,
      ...params,
      returnSequences: end.sequences,
      ...(kind === 'GRU' ? { resetAfter } : {}),
    },
    inputs: [n.inputs[0]],
    output: end.output,
    nodes: [n, op, ...end.nodes],
    weights: weights.weights,
  };
};

/** The cell's activation, gate function and GRU flavour from the operator's attributes. */
function cellParams(
  kind: Kind,
  op: OpNode,
): { activation: string; recurrentActivation?: string; resetAfter: boolean } | { refused: string } {
  const given = op.attributes.get('activations');
  const names = Array.isArray(given) ? (given as string[]) : DEFAULT_ACTIVATIONS[kind];
  const alphas = op.attributes.get('activation_alpha');
  const betas = op.attributes.get('activation_beta');
  const gateName = kind === 'SimpleRNN' ? undefined : names[0];
  const cellName = kind === 'SimpleRNN' ? names[0] : names[1];
  const param = (list: unknown, i: number, fallback: number) =>
    Array.isArray(list) && typeof list[i] === 'number' ? (list[i] as number) : fallback;
  let activation = CELL[cellName];
  if (cellName === 'Affine') {
    const at = names.indexOf('Affine');
    if (param(alphas, at, 1) === 1 && param(betas, at, 0) === 0) activation = 'linear';
  }
  if (!activation) return { refused: `a ${cellName} cell activation has no Strata equivalent` };
  if (kind !== 'SimpleRNN' && names.slice(1).some((a) => a !== cellName)) {
    return { refused: 'different cell and output activations have no Strata equivalent' };
  }
  let recurrentActivation: string | undefined;
  if (gateName === 'HardSigmoid' && kind === 'LSTM') {
    const [alpha, beta] = [param(alphas, 0, 0.2), param(betas, 0, 0.5)];
    if (Math.abs(alpha - 0.2) > 1e-6 || Math.abs(beta - 0.5) > 1e-6) {
      return { refused: `HardSigmoid gates with α ${alpha}, β ${beta} (Strata's are 0.2, 0.5)` };
    }
    recurrentActivation = 'hard_sigmoid';
  } else if (gateName !== undefined && gateName !== 'Sigmoid') {
    return { refused: `${gateName} gates have no Strata equivalent` };
  }
  const resetAfter = intAttr(op, 'linear_before_reset', 0) === 1;
  return {
    activation,
    ...(kind === 'LSTM' ? { recurrentActivation: recurrentActivation ?? 'sigmoid' } : {}),
    resetAfter,
  };
}

/** Where the layer's result comes out: the last state, or every step batch-first. */
function outputOf(
  op: OpNode,
  ctx: MatchContext,
): { output: string; sequences: boolean; nodes: OpNode[] } | undefined {
  const [y, yh] = op.outputs;
  const squeezed = (node: OpNode | undefined, axis: number) => {
    if (node?.opType !== 'Squeeze') return false;
    const axes = intsAttr(node, 'axes') ?? Array.from(ctx.constant(node.inputs[1])?.values ?? []);
    return axes.length === 1 && axes[0] === axis;
  };
  const last = yh ? ctx.soleConsumer(yh) : undefined;
  if (squeezed(last, 0)) return { output: last!.outputs[0], sequences: false, nodes: [last!] };
  const steps = y ? ctx.soleConsumer(y) : undefined;
  if (!squeezed(steps, 1)) return undefined;
  const back = ctx.soleConsumer(steps!.outputs[0]);
  if (back?.opType !== 'Transpose' || intsAttr(back, 'perm')?.join() !== '1,0,2') return undefined;
  return { output: back.outputs[0], sequences: true, nodes: [steps!, back] };
}

/** ONNX's W, R, B as the tfjs layer holds them: kernel, recurrent kernel, bias. */
function kerasWeights(
  kind: Kind,
  units: number,
  w: Constant,
  r: Constant,
  b: Constant | undefined,
  resetAfter: boolean,
): { weights: ImportedWeight[] } | { refused: string } {
  const size = GATES[kind] * units;
  const features = w.dims[2];
  const bias = b ? Float32Array.from(b.values) : new Float32Array(2 * size);
  /** `[gates·u, cols]` in ONNX's gate order → Keras' `[cols, gates·u]` in its own. */
  const keras = (values: ArrayLike<number>, cols: number) => {
    const out = new Float32Array(cols * size);
    ONNX_BLOCK[kind].forEach((block, k) => {
      for (let j = 0; j < units; j++) {
        for (let c = 0; c < cols; c++) {
          out[c * size + k * units + j] = values[(block * units + j) * cols + c];
        }
      }
    });
    return out;
  };
  const kernel = { shape: [features, size], values: keras(w.values, features) };
  const recurrent = { shape: [units, size], values: keras(r.values, units) };
  if (kind === 'GRU' && resetAfter) {
    return { weights: [kernel, recurrent, { shape: [2, size], values: bias }] };
  }
  const [input, hidden] = [bias.subarray(0, size), bias.subarray(size)];
  // One bias: ONNX's two add up, except a reset-before GRU's recurrent candidate bias.
  if (kind === 'GRU' && hidden.subarray(2 * units).some((v) => v !== 0)) {
    return { refused: 'a GRU with a recurrent candidate bias and linear_before_reset 0' };
  }
  const summed = input.map((v, i) => v + hidden[i]);
  return { weights: [kernel, recurrent, { shape: [size], values: keras(summed, 1) }] };
}
