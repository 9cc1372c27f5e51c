import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPyTorch } from './exporter.js';
import {
  maxDifference,
  runInTorch,
  torchAvailable,
  torchSurplus,
  type ParityCase,
  type TorchRun,
} from './parity-harness.js';

const available = torchAvailable();

/**
 * Exports each case to PyTorch, runs every export in one Python process on the inputs tfjs saw,
 * and checks outputs (within 1e-4) and parameter counts. Runs in CI always (failing there when
 * torch is missing) and elsewhere only where `/usr/bin/python3` can import torch.
 */
export function paritySuite(title: string, makeCases: () => ParityCase[]): void {
  if (!available && !process.env.CI) {
    console.warn(`Skipping "${title}": /usr/bin/python3 cannot import torch (apt python3-torch).`);
  }
  describe.runIf(available || process.env.CI)(title, () => {
    const cases = available ? makeCases() : [];
    let root = '';
    const runs = new Map<string, TorchRun>();

    beforeAll(async () => {
      if (!available) throw new Error('CI needs /usr/bin/python3 with torch (apt python3-torch).');
      root = await mkdtemp(join(tmpdir(), 'strata-pytorch-'));
      const folders = cases.map((c) => join(root, c.name.replace(/[^A-Za-z0-9_-]/g, '_')));
      for (const [i, c] of cases.entries()) {
        const result = await exportPyTorch(c.input, folders[i]);
        if (!result.ok) throw new Error(`${c.name}: ${result.message}`);
      }
      const results = await runInTorch(folders, cases);
      cases.forEach((c, i) => runs.set(c.name, results[i]));
    }, 240_000);

    afterAll(async () => {
      for (const c of cases) {
        c.input.model.dispose();
        tf.dispose([...c.inputs, ...c.expected]);
      }
      if (root) await rm(root, { recursive: true, force: true });
    });

    it('has torch to check with', () => expect(available).toBe(true));

    it.each(cases.map((c) => [c.name, c] as const))(
      '%s: torch computes what tfjs computes, with as many parameters',
      (_, c) => {
        const run = runs.get(c.name)!;
        expect(run.error).toBeUndefined();
        expect(run.outputs.map((o) => o.shape)).toEqual(c.expected.map((t) => t.shape));
        const difference = maxDifference(c.expected, run.outputs);
        console.info(`${c.name}: max |tfjs - torch| = ${difference.toExponential(2)}`);
        expect(difference).toBeLessThan(1e-4);
        const trainable = c.input.model.trainableWeights.reduce((n, w) => n + w.read().size, 0);
        expect(run.params).toBe(trainable + torchSurplus(c));
        expect(run.params + run.stats).toBe(c.input.model.countParams() + torchSurplus(c));
      },
    );
  });
}
