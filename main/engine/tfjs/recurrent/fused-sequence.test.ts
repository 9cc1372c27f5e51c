import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { compareWithCpu, seeded, tensorOf } from '../../backends/kernels/backend-parity.js';
import { KerasGRU } from '../custom/gru.js';
import { maxDifference, roundTrip } from '../custom/round-trip.js';
import { FusedLSTM, FusedSimpleRNN } from './fused-layers.js';
import { RECURRENT_BACKWARD, RECURRENT_FORWARD } from './sequence-kernels.js';

type Kind = 'LSTM' | 'GRU' | 'SimpleRNN';
interface Case {
  kind: Kind;
  returnSequences: boolean;
  goBackwards: boolean;
  activation: 'tanh' | 'relu' | 'sigmoid';
}

function layerFor({ kind, ...options }: Case): tf.RNN {
  const args = { units: 5, ...options };
  if (kind === 'LSTM') return new FusedLSTM({ ...args, recurrentActivation: 'sigmoid' });
  if (kind === 'GRU') return new KerasGRU(args);
  return new FusedSimpleRNN(args);
}

/**
 * The layer's output, the input's gradient and every weight's gradient under a seeded upstream,
 * through the fused kernels or (`fused` false) tfjs' own step-by-step RNN.call.
 */
function forwardAndGradients(c: Case, fused: boolean, steps = 7): tf.Tensor[] {
  const layer = layerFor(c);
  const x = tensorOf(seeded([3, steps, 4], 1));
  layer.build(x.shape);
  // Seeded weights, biases included: zero biases would hide mistakes in their use.
  layer.setWeights(
    layer.getWeights().map((w, i) => tf.mul(tensorOf(seeded(w.shape, 10 + i)), 0.5)),
  );
  const call = (input: tf.Tensor) =>
    (fused ? layer.call(input, {}) : tf.RNN.prototype.call.call(layer, input, {})) as tf.Tensor;
  const out = call(x);
  const upstream = tensorOf(seeded(out.shape, 2));
  const loss = (input: tf.Tensor) => tf.sum(tf.mul(call(input), upstream)) as tf.Scalar;
  const variables = layer.trainableWeights.map((w) => w.read() as tf.Variable);
  const { grads } = tf.variableGrads(() => loss(x), variables);
  return [out, tf.grad(loss)(x), ...variables.map((v) => grads[v.name]!)];
}

const cases: Case[] = [
  { kind: 'LSTM', returnSequences: false, goBackwards: false, activation: 'tanh' },
  { kind: 'LSTM', returnSequences: true, goBackwards: true, activation: 'relu' },
  { kind: 'GRU', returnSequences: false, goBackwards: false, activation: 'tanh' },
  { kind: 'GRU', returnSequences: true, goBackwards: true, activation: 'sigmoid' },
  { kind: 'SimpleRNN', returnSequences: true, goBackwards: false, activation: 'tanh' },
  { kind: 'SimpleRNN', returnSequences: false, goBackwards: true, activation: 'relu' },
];
const label = (c: Case) =>
  `${c.kind} ${c.activation}${c.returnSequences ? ', every step' : ''}${c.goBackwards ? ', backwards' : ''}`;

describe('fused recurrent sequences', () => {
  it.each(cases.map((c) => [label(c), c] as const))(
    '%s: output and gradients match tfjs’ step-by-step layer, on cpu',
    async (_, c) => {
      await tf.setBackend('cpu');
      tf.tidy(() => {
        const fused = forwardAndGradients(c, true);
        const stock = forwardAndGradients(c, false);
        expect(fused.map((t) => t.shape)).toEqual(stock.map((t) => t.shape));
        fused.forEach((t, i) => {
          const scale = tf.max(tf.abs(stock[i]!)).dataSync()[0]!;
          expect(scale).toBeGreaterThan(0);
          expect(maxDifference(t, stock[i]!) / scale).toBeLessThan(1e-4);
        });
      });
    },
  );

  it.each(cases.map((c) => [label(c), c] as const))(
    '%s: the wasm kernels match tfjs’ layer on cpu',
    async (_, c) => {
      const parity = await compareWithCpu(
        () => forwardAndGradients(c, true),
        () => forwardAndGradients(c, false),
      );
      expect(parity.wasmShapes).toEqual(parity.cpuShapes);
      expect(parity.relativeError).toBeLessThan(1e-4);
    },
  );

  it('runs the same kernels however long the sequence: one pass each way, not one per step', async () => {
    await tf.setBackend('cpu');
    const c: Case = {
      kind: 'LSTM',
      returnSequences: false,
      goBackwards: false,
      activation: 'tanh',
    };
    const kernelsAt = async (steps: number) =>
      (await tf.profile(() => forwardAndGradients(c, true, steps))).kernels.map((k) => k.name);
    const short = await kernelsAt(3);
    const long = await kernelsAt(30);
    expect(long).toEqual(short);
    expect(long.filter((k) => k === RECURRENT_FORWARD)).toHaveLength(3); // out, tf.grad, variableGrads
    expect(long.filter((k) => k === RECURRENT_BACKWARD)).toHaveLength(2);
  });

  it('saves as tfjs’ own LSTM and SimpleRNN, and loads back into the fused classes', async () => {
    await tf.setBackend('cpu');
    const x = tf.input({ shape: [6, 3] });
    const lstm = new FusedLSTM({ units: 4, returnSequences: true, recurrentActivation: 'sigmoid' });
    const rnn = tf.layers.bidirectional({
      layer: new FusedSimpleRNN({ units: 2 }) as tf.layers.RNN,
    });
    const model = tf.model({
      inputs: x,
      outputs: rnn.apply(lstm.apply(x)) as tf.SymbolicTensor,
    });
    const classes = (
      model.toJSON(undefined, false) as { config: { layers: { class_name: string }[] } }
    ).config.layers.map((l) => l.class_name);
    expect(classes).toEqual(['InputLayer', 'LSTM', 'Bidirectional']);
    const loaded = await roundTrip(model);
    expect(loaded.layers[1]).toBeInstanceOf(FusedLSTM);
    const inputs = tf.randomNormal([2, 6, 3], 0, 1, 'float32', 3);
    expect(
      maxDifference(model.predict(inputs) as tf.Tensor, loaded.predict(inputs) as tf.Tensor),
    ).toBe(0);
  });
});
