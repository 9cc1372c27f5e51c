import * as tf from '@tensorflow/tfjs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inspection } from '../../../shared/api/inspection.js';
import type { Reply } from '../../../shared/api/reply.js';
import { layerName } from '../../engine/tfjs/compile.js';
import { loadModelFiles } from '../../engine/tfjs/model-files.js';
import { openDataset } from '../datasets/registry.js';
import { InspectionService } from './service.js';
import { mainModelDir, projectOf, tinyTransformer, trainQuickly } from './test-runs.js';

/** Attention insight and text prediction on a tiny character transformer trained for 2 batches. */
let base: string;
let text: string;
let gptRun: string;
const service = new InspectionService();

beforeAll(async () => {
  await tf.setBackend('cpu');
  base = await mkdtemp(join(tmpdir(), 'strata-attention-'));
  text = join(base, 'text.strata');
  const recipe = { task: 'language-model', dataset: 'moby-dick-chars', batchSize: 8 } as const;
  gptRun = await trainQuickly(text, projectOf(tinyTransformer(), recipe), 2);
}, 300_000); // trains a model first: generous, so a busy machine is slow rather than failing
afterAll(async () => {
  await service.dispose();
  await rm(base, { recursive: true, force: true });
});

function ok<T>(reply: Reply<T>): T {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.result;
}

/** Checks every row of every head: a probability distribution, nothing after its own step. */
function expectCausalDistributions(detail: Inspection['detail'], heads: number, steps: number) {
  if (detail.kind !== 'attention') throw new Error(`expected attention, got ${detail.kind}`);
  expect(detail.causal).toBe(true);
  expect(detail.weights).toHaveLength(heads);
  for (const head of detail.weights) {
    expect(head).toHaveLength(steps);
    head.forEach((row, q) => {
      expect(row).toHaveLength(steps);
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      for (let k = q + 1; k < steps; k++) expect(row[k]).toBeLessThan(1e-6);
    });
  }
}

describe('model.inspect on a tiny transformer', () => {
  const prompt = { kind: 'text' as const, text: 'Call me Ishmael. Some years ago' };

  it('recomputes each head’s attention weights, which reproduce the layer’s output', async () => {
    const ref = { file: text, runId: gptRun };
    const insight = ok(await service.inspect(ref, 'multiheadattention_1', prompt));
    expectCausalDistributions(insight.detail, 2, 64);
    expect(insight.detail.kind === 'attention' && insight.detail.tokens?.slice(-7).join('')).toBe(
      'ars ago',
    );

    // Keras' formula with the weights we were given: out = Σ_h (W_h · V_h) · Wo_h + bo.
    const model = await loadModelFiles(mainModelDir(text, gptRun));
    const layer = model.getLayer(layerName('multiheadattention_1'));
    const named = (part: string) =>
      layer.weights.find((w) => w.originalName.endsWith(part))!.read();
    const window = insight.detail.kind === 'attention' ? insight.detail.tokens! : [];
    const probe = tf.model({
      inputs: model.inputs,
      outputs: [layer.input as tf.SymbolicTensor, layer.output as tf.SymbolicTensor],
    });
    const ids = await idsOf(window);
    const [x, expected] = probe.predict(tf.tensor2d([ids], [1, 64], 'int32')) as tf.Tensor[];
    const rebuilt = tf.tidy(() => {
      const x2 = x.reshape([64, 16]);
      const v = tf.add(
        tf.einsum('tf,fhs->hts', x2, named('value/kernel')),
        tf.expandDims(named('value/bias'), 1),
      );
      const weights = tf.tensor3d(
        insight.detail.kind === 'attention' ? insight.detail.weights : [],
      );
      const mixed = tf.matMul(weights, v); // [heads, steps, size]
      return tf.add(
        tf.einsum('hts,hsf->tf', mixed, named('attention_output/kernel')),
        named('attention_output/bias'),
      );
    });
    const [a, b] = [rebuilt.dataSync(), expected.dataSync()];
    for (let i = 0; i < a.length; i++) expect(a[i]).toBeCloseTo(b[i], 4);
    tf.dispose([x, expected, rebuilt]);
    model.dispose();
  });

  it('shows an encoder block’s self-attention, causal as the block is', async () => {
    const insight = ok(
      await service.inspect({ file: text, runId: gptRun }, 'transformerencoderblock_1', prompt),
    );
    expect(insight.shape).toEqual([64, 16]);
    expectCausalDistributions(insight.detail, 2, 64);
  });

  it('continues a prompt with characters of the vocabulary, the same way twice', async () => {
    const ref = { file: text, runId: gptRun };
    const first = ok(await service.predict(ref, prompt));
    expect(first.output).toMatchObject({ kind: 'text', prompt: prompt.text });
    const continuation = first.output.kind === 'text' ? first.output.continuation : '';
    expect(Array.from(continuation.replaceAll('<unk>', '?'))).toHaveLength(120);
    expect(ok(await service.predict(ref, prompt)).output).toEqual(first.output);
  });
});

/** The dataset's ids of characters (the vocabulary is built from the book). */
async function idsOf(tokens: readonly string[]): Promise<number[]> {
  const opened = await openDataset('moby-dick-chars');
  if (!opened.ok || !opened.dataset.vocabulary) throw new Error('no vocabulary');
  const vocabulary = opened.dataset.vocabulary;
  return tokens.map((t) => vocabulary.indexOf(t));
}
