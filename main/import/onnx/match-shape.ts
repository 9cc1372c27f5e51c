import { intAttr, intsAttr, type Match, type Matcher } from './match.js';

const single = (
  n: Parameters<Matcher>[0],
  kind: Match['kind'],
  params: Record<string, unknown> = {},
): Match => ({
  kind,
  params,
  inputs: [n.inputs[0]],
  output: n.outputs[0],
  nodes: [n],
  weights: [],
});

/** Flatten, Reshape and Transpose on a channels-last tensor: Flatten, Reshape, Permute. */
export const matchReshaping: Matcher = (n, ctx) => {
  const shape = ctx.shapeOf(n.inputs[0]);
  if (n.opType === 'Flatten') {
    return intAttr(n, 'axis', 1) === 1
      ? single(n, 'Flatten')
      : { refused: 'Flatten is imported with axis 1 only' };
  }
  if (n.opType === 'Reshape') {
    const target = ctx.constant(n.inputs[1])?.values;
    if (!target || !shape || (target[0] !== 0 && target[0] !== -1)) {
      return { refused: 'Reshape needs a constant shape that keeps the batch axis first' };
    }
    // ONNX's 0 copies the input's size on that axis.
    const targetShape = Array.from(target.slice(1), (d, i) => (d === 0 ? (shape[i] ?? -1) : d));
    return single(n, 'Reshape', { targetShape });
  }
  if (n.opType === 'Transpose') {
    const perm = intsAttr(n, 'perm');
    if (!perm || perm[0] !== 0)
      return { refused: 'Transpose is imported only when it keeps the batch axis first' };
    return single(n, 'Permute', { dims: perm.slice(1) });
  }
  return undefined;
};

/** ReduceMean/ReduceMax over every spatial axis without keeping them: global pooling. */
export const matchGlobalPool: Matcher = (n, ctx) => {
  if (n.opType !== 'ReduceMean' && n.opType !== 'ReduceMax') return undefined;
  const rank = ctx.shapeOf(n.inputs[0])?.length;
  const axes = intsAttr(n, 'axes') ?? (ctx.constant(n.inputs[1])?.values as number[] | undefined);
  const spatial = rank === undefined ? [] : Array.from({ length: rank - 1 }, (_, i) => i + 1);
  const global =
    axes && rank !== undefined && (rank === 2 || rank === 3) && axes.join() === spatial.join();
  if (!global || intAttr(n, 'keepdims', 1) !== 0) {
    return {
      refused: `${n.opType} is imported as global pooling only (every spatial axis, keepdims 0)`,
    };
  }
  const kind =
    `Global${n.opType === 'ReduceMean' ? 'Avg' : 'Max'}Pool${rank - 1}D` as 'GlobalAvgPool2D';
  return single(n, kind);
};

/** Add, Sub, Mul, Sum and Concat of computed tensors: the merge layers. */
export const matchMerge: Matcher = (n, ctx) => {
  const kinds = {
    Add: 'Add',
    Sub: 'Subtract',
    Mul: 'Multiply',
    Sum: 'Add',
    Concat: 'Concatenate',
  } as const;
  const kind = kinds[n.opType as keyof typeof kinds];
  if (!kind) return undefined;
  if (n.inputs.some((t) => ctx.constant(t))) {
    return { refused: `${n.opType} with a constant operand has no Strata layer` };
  }
  const params = kind === 'Concatenate' ? { axis: intAttr(n, 'axis', -1) } : {};
  return { kind, params, inputs: [...n.inputs], output: n.outputs[0], nodes: [n], weights: [] };
};
