import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { selectBackend, type Rung } from './ladder.js';

describe('selectBackend', () => {
  it('falls past the missing tfjs-node packages to wasm and says why', async () => {
    const choice = await selectBackend();
    expect(choice).toMatchObject({ ok: true, name: 'wasm' });
    if (choice.ok) expect(choice.detail).toMatch(/^SIMD, 1 thread, \d+ training kernels added$/);
    expect(tf.getBackend()).toBe('wasm');
    expect(choice.skipped.map((s) => s.name)).toEqual(['tensorflow']);
    expect(choice.skipped[0]!.reason).toContain('@tensorflow/tfjs-node-gpu is not installed');
    expect(choice.skipped[0]!.reason).toContain('@tensorflow/tfjs-node is not installed');
  });

  it('activates the backend named by an override', async () => {
    const choice = await selectBackend('cpu');
    expect(choice).toEqual({ ok: true, name: 'cpu', detail: 'plain JavaScript', skipped: [] });
    expect(tf.getBackend()).toBe('cpu');
  });

  it('refuses an override that cannot load, naming it and the cause', async () => {
    const choice = await selectBackend('tensorflow');
    expect(choice.ok).toBe(false);
    if (!choice.ok)
      expect(choice.error).toMatch(/^Backend 'tensorflow' is not available: could not load/);
  });

  it('refuses an unknown name and lists the known ones', async () => {
    const choice = await selectBackend('webgpu');
    expect(choice).toMatchObject({
      ok: false,
      error: "Unknown backend 'webgpu'; expected one of tensorflow, wasm, cpu.",
    });
  });

  it('skips a rung whose load succeeds but which tfjs has not registered', async () => {
    const rungs: Rung[] = [
      { name: 'tensorflow', load: async () => {} },
      { name: 'cpu', load: async () => {} },
    ];
    const choice = await selectBackend(undefined, rungs);
    expect(choice).toMatchObject({ ok: true, name: 'cpu' });
    expect(choice.skipped).toHaveLength(1);
    expect(choice.skipped[0]!.name).toBe('tensorflow');
  });

  it('reports every rung when none loads', async () => {
    const failing: Rung = {
      name: 'wasm',
      load: () => Promise.reject(new Error('no binary\nstack')),
    };
    const choice = await selectBackend(undefined, [failing]);
    expect(choice).toEqual({
      ok: false,
      error: 'No tfjs backend could be activated.',
      skipped: [{ name: 'wasm', reason: 'could not load: no binary' }],
    });
  });
});
