import type { DatasetSchema } from '../datasets/catalogue.js';
import { formatShape, sameShape, type TensorShape } from '../layers/shape.js';
import { nodeError, type Diagnostic } from './diagnostics.js';
import type { NodeAnalysis } from './infer.js';
import type { Wiring } from './wiring.js';

const CLASS_LOSSES = new Set(['sparse_categorical_crossentropy', 'categorical_crossentropy']);
const REGRESSION_LOSSES = new Set(['mean_squared_error', 'mean_absolute_error', 'huber']);

const lossName = (loss: string) =>
  loss.replaceAll('_', ' ').replace('crossentropy', 'cross-entropy');

/** `[null, 3]` accepts `[40, 3]`: a variable dimension fits any size. */
function fits(model: TensorShape, data: TensorShape): boolean {
  return model.length === data.length && model.every((d, i) => d === null || d === data[i]);
}

/** Checks that Inputs take the dataset's examples and each Output's loss fits its target. */
export function reportDatasetFit(
  wiring: Wiring,
  results: Map<string, NodeAnalysis>,
  dataset: DatasetSchema,
  out: Diagnostic[],
): void {
  for (const [id, wired] of wiring.nodes) {
    const params = wired.params;
    if (!params) continue;
    if (wired.node.kind === 'Input') {
      const shape = params.shape as TensorShape;
      if (!fits(shape, dataset.inputShape)) {
        out.push(
          nodeError(
            'dataset-mismatch',
            id,
            `The Input is ${formatShape(shape)}, but ${dataset.label} examples are ${formatShape(dataset.inputShape)}.`,
            `Set the Input shape to ${formatShape(dataset.inputShape)}.`,
            { param: 'shape' },
          ),
        );
      }
      if (params.dtype !== dataset.inputDtype) {
        out.push(
          nodeError(
            'dataset-mismatch',
            id,
            `The Input takes ${String(params.dtype)}, but ${dataset.label} gives ${dataset.inputDtype} values.`,
            `Set the Input dtype to ${dataset.inputDtype}.`,
            { param: 'dtype' },
          ),
        );
      }
    }
    const shape = results.get(id)?.shape;
    if (wired.node.kind === 'Output' && shape) {
      const problem = lossProblem(
        String(params.loss),
        shape,
        dataset,
        finalActivation(id, wiring, results),
      );
      if (problem) {
        out.push(nodeError('loss-mismatch', id, problem.message, problem.hint, problem.at));
      }
    }
  }
}

interface LossProblem {
  message: string;
  hint: string;
  at: { param?: string };
}

function lossProblem(
  loss: string,
  shape: TensorShape,
  dataset: DatasetSchema,
  activation: string | undefined,
): LossProblem | undefined {
  const target = dataset.target;
  const name = lossName(loss);
  const onLoss = (message: string, hint: string) => ({ message, hint, at: { param: 'loss' } });
  const onShape = (message: string, hint: string) => ({ message, hint, at: {} });
  const wantsActivation = (wanted: string, why: string) =>
    activation !== undefined && activation !== wanted
      ? onShape(
          `${why} expects ${wanted} probabilities, but the last layer's activation is ${activation}.`,
          `Set the last layer's activation to ${wanted}.`,
        )
      : undefined;

  if (target.kind === 'classes' || target.kind === 'next-token') {
    const classes = target.kind === 'classes' ? target.classes : target.vocabulary;
    const what = target.kind === 'classes' ? `${classes} classes` : `${classes} tokens`;
    const sizeHint = `End with a Dense of ${classes} units and softmax, and sparse categorical cross-entropy.`;
    if (loss === 'binary_crossentropy' && target.kind === 'classes' && classes === 2) {
      if (shape.length !== 1 || shape[0] !== 1) {
        return onShape(
          `Binary cross-entropy needs 1 output unit (the probability of the second class), but the output is ${formatShape(shape)}.`,
          'Use a Dense of 1 unit with sigmoid, or switch to sparse categorical cross-entropy with 2 units.',
        );
      }
      return wantsActivation('sigmoid', 'Binary cross-entropy');
    }
    if (!CLASS_LOSSES.has(loss)) {
      return onLoss(
        `${dataset.label} asks for one of ${what}, which ${name} cannot score.`,
        sizeHint,
      );
    }
    const right =
      target.kind === 'classes'
        ? shape.length === 1 && shape[0] === classes
        : shape[shape.length - 1] === classes;
    if (!right) {
      return onShape(
        `${dataset.label} has ${what}, but the output is ${formatShape(shape)}; ${name} needs ${target.kind === 'classes' ? 'exactly' : 'a last dimension of'} ${classes}.`,
        sizeHint,
      );
    }
    return wantsActivation('softmax', name[0].toUpperCase() + name.slice(1));
  }

  const expected = target.kind === 'values' ? target.shape : dataset.inputShape;
  const allowed = target.kind === 'input' ? ['binary_crossentropy'] : [];
  if (!REGRESSION_LOSSES.has(loss) && !allowed.includes(loss)) {
    return onLoss(
      `${dataset.label} asks for values, not classes, which ${name} cannot score.`,
      'Use mean squared error (or mean absolute error, or huber).',
    );
  }
  if (!fits(shape, expected) && !fits(expected, shape)) {
    return onShape(
      `The output is ${formatShape(shape)}, but ${dataset.label} targets are ${formatShape(expected)}.`,
      `Make the last layer produce ${formatShape(expected)}.`,
    );
  }
  return loss === 'binary_crossentropy'
    ? wantsActivation('sigmoid', 'Binary cross-entropy')
    : undefined;
}

/**
 * The activation that produces an Output's values: the nearest `activation` or `fn` parameter
 * upstream, looking through layers that keep the shape and hold no weights (dropout). Undefined
 * when some other layer decides the values, so the check stays quiet rather than guess.
 */
function finalActivation(
  outputId: string,
  wiring: Wiring,
  results: Map<string, NodeAnalysis>,
): string | undefined {
  const seen = new Set<string>();
  let at = wiring.nodes.get(outputId)?.inputs[0];
  while (at !== undefined && !seen.has(at)) {
    seen.add(at);
    const wired = wiring.nodes.get(at);
    const params = wired?.params;
    if (!wired || !params) return undefined;
    if (typeof params.activation === 'string') return params.activation;
    if (typeof params.fn === 'string') return params.fn;
    const source = wired.inputs[0];
    const node = results.get(at);
    const inShape = source === undefined ? undefined : results.get(source)?.shape;
    const passThrough =
      wired.inputs.length === 1 &&
      node?.shape !== undefined &&
      inShape !== undefined &&
      sameShape(node.shape, inShape) &&
      node.counts?.trainable === 0 &&
      node.counts.nonTrainable === 0;
    if (!passThrough) return undefined;
    at = source;
  }
  return undefined;
}
