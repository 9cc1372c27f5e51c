import { describe, expect, it } from 'vitest';
import { builtInDatasets } from '../../../shared/datasets/catalogue.js';
import { loadBundledMnist } from './bundled/mnist.js';
import { mobyDickText } from './bundled/moby-dick.js';
import type { Batch, Dataset } from './dataset.js';
import { openDataset } from './registry.js';
import { markerToken } from './synthetic/toy-sequences.js';

async function open(id: string, options = {}): Promise<Dataset> {
  const result = await openDataset(id, options);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result.dataset;
}

const first = (d: Dataset, batchSize = 8, targets: 'sparse' | 'one-hot' = 'sparse') =>
  d.batches('train', { batchSize, targets }).next().value as Batch;

describe('openDataset', () => {
  it.each(builtInDatasets.map((d) => [d.id, d] as const))(
    'opens %s with its schema shapes and dtypes',
    async (id, schema) => {
      const dataset = await open(id);
      expect(dataset.schema.inputShape).toEqual(schema.inputShape);
      const total = dataset.size('train') + dataset.size('validation') + dataset.size('test');
      expect(dataset.size('train')).toBeGreaterThan(total / 2);
      const batch = first(dataset);
      expect(batch.xShape).toEqual([8, ...schema.inputShape]);
      expect(batch.x).toBeInstanceOf(schema.inputDtype === 'int32' ? Int32Array : Float32Array);
      const target = schema.target;
      if (target.kind === 'classes') {
        expect(batch.yShape).toEqual([8]);
        expect([...batch.y].every((c) => Number.isInteger(c) && c >= 0 && c < target.classes)).toBe(
          true,
        );
      } else if (target.kind === 'values') {
        expect(batch.yShape).toEqual([8, ...target.shape]);
      } else if (target.kind === 'next-token') {
        expect(batch.yShape).toEqual([8, ...schema.inputShape]);
        expect([...batch.y].every((t) => t >= 0 && t < target.vocabulary)).toBe(true);
      } else {
        expect(batch.y).toEqual(batch.x);
      }
    },
  );

  it('reports an unknown id as an error value', async () => {
    const result = await openDataset('no-such-set');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0].message).toContain('no-such-set');
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'does not take the Object property %s for a dataset',
    async (id) => {
      const result = await openDataset(id);
      expect(result).toMatchObject({
        ok: false,
        errors: [{ message: expect.stringMatching(new RegExp(`^no built-in dataset "${id}"`)) }],
      });
    },
  );

  it('gives the same data and splits for the same seeds', async () => {
    for (const id of ['spirals', 'sine-sequences', 'toy-sequences']) {
      const [a, b] = [await open(id, { seed: 4 }), await open(id, { seed: 4 })];
      expect([...a.indices('test')]).toEqual([...b.indices('test')]);
      expect(first(a, 16).x).toEqual(first(b, 16).x);
    }
  });
});

describe('bundled MNIST', () => {
  it('holds the package 10,000 digits once, shared by every MNIST dataset', async () => {
    const digits = loadBundledMnist();
    expect(digits.labels.length).toBe(10_000);
    expect(loadBundledMnist()).toBe(digits);
    const [flat, image] = [await open('mnist-flat'), await open('mnist')];
    const a = first(flat, 4);
    const b = first(image, 4);
    expect(a.x).toEqual(b.x);
    const n = flat.indices('train')[0];
    expect(Array.from(a.x.subarray(0, 784))).toEqual(
      Array.from(digits.pixels.subarray(n * 784, (n + 1) * 784)),
    );
  });

  it('iterates epochs without allocating the set again: one pair of batch buffers per epoch', async () => {
    const mnist = await open('mnist');
    const digits = loadBundledMnist();
    for (let epoch = 0; epoch < 2; epoch++) {
      const buffers = new Set<ArrayBufferLike>();
      let seen = 0;
      for (const b of mnist.batches('train', {
        batchSize: 64,
        shuffle: true,
        epoch,
        normalise: 'scale',
      })) {
        buffers.add(b.x.buffer);
        buffers.add(b.y.buffer);
        seen += b.size;
        expect(b.x.buffer).not.toBe(digits.pixels.buffer);
      }
      expect(seen).toBe(mnist.size('train'));
      expect(buffers.size).toBe(2);
      const bytes = [...buffers].reduce((sum, buffer) => sum + buffer.byteLength, 0);
      expect(bytes).toBe(64 * 784 * 4 + 64 * 4);
    }
    expect(loadBundledMnist()).toBe(digits);
  });
});

describe('Iris', () => {
  it('has 150 flowers, 50 per species, in the catalogue species order', async () => {
    const iris = await open('iris', { validation: 0, test: 0 });
    const counts = [0, 0, 0];
    const sums = [0, 0, 0];
    for (const b of iris.batches('train', { batchSize: 150 })) {
      for (let n = 0; n < b.size; n++) {
        counts[b.y[n]]++;
        sums[b.y[n]] += b.x[n * 4 + 2];
      }
    }
    expect(counts).toEqual([50, 50, 50]);
    // Petal length: setosa's are the shortest and virginica's the longest (Fisher, 1936).
    expect(sums[0]).toBeLessThan(sums[1]);
    expect(sums[1]).toBeLessThan(sums[2]);
  });
});

describe('Moby Dick characters', () => {
  it('targets each position with the next character of the text', async () => {
    const moby = await open('moby-dick-chars');
    const tokens = moby.vocabulary as readonly string[];
    expect(tokens.length).toBeLessThanOrEqual(96);
    expect(tokens[0]).toBe('<unk>');
    const text = mobyDickText();
    const b = moby.batches('train', { batchSize: 2 }).next().value as Batch;
    const n = moby.indices('train')[0];
    const decode = (ids: Int32Array | Float32Array) => Array.from(ids, (id) => tokens[id]).join('');
    expect(decode(b.x.subarray(0, 64))).toBe(
      Array.from(text)
        .slice(n * 64, n * 64 + 64)
        .join(''),
    );
    expect(decode(b.y.subarray(0, 64))).toBe(
      Array.from(text)
        .slice(n * 64 + 1, n * 64 + 65)
        .join(''),
    );
  });

  it('one-hot encodes next tokens over the vocabulary', async () => {
    const moby = await open('moby-dick-chars');
    const sparse = first(moby, 2);
    const oneHot = first(moby, 2, 'one-hot');
    expect(oneHot.yShape).toEqual([2, 64, 96]);
    for (let p = 0; p < 128; p++) {
      const row = oneHot.y.subarray(p * 96, (p + 1) * 96);
      expect(Array.from(row).reduce((a, b) => a + b, 0)).toBe(1);
      expect(row[sparse.y[p]]).toBe(1);
    }
  });
});

describe('synthetic sets', () => {
  it('toy sequences: the class is the most frequent marker token', async () => {
    const toy = await open('toy-sequences');
    for (const b of toy.batches('train', { batchSize: 100 })) {
      for (let n = 0; n < b.size; n++) {
        const row = Array.from(b.x.subarray(n * 40, (n + 1) * 40));
        const counts = [0, 1, 2, 3].map((c) => row.filter((t) => t === markerToken(c)).length);
        const best = Math.max(...counts);
        expect(counts.filter((c) => c === best)).toHaveLength(1);
        expect(counts.indexOf(best)).toBe(b.y[n]);
      }
    }
  });

  it('sine sequences: the target continues the wave', async () => {
    const sine = await open('sine-sequences');
    let error = 0;
    let naive = 0;
    let count = 0;
    for (const b of sine.batches('train', { batchSize: 200 })) {
      for (let n = 0; n < b.size; n++) {
        const x = b.x.subarray(n * 50, (n + 1) * 50);
        // Linear extrapolation from the last two steps should beat "the wave is at zero".
        error += (2 * x[49] - x[48] - b.y[n]) ** 2;
        naive += b.y[n] ** 2;
        count++;
      }
    }
    expect(error / count).toBeLessThan(naive / count / 4);
  });

  it('spirals: both classes are equally many and far from linearly separable', async () => {
    const spirals = await open('spirals', { validation: 0, test: 0 });
    const b = first(spirals, 1000);
    const counts = [0, 0];
    for (let n = 0; n < b.size; n++) counts[b.y[n]]++;
    expect(counts).toEqual([500, 500]);
    // Points of the two classes are reflections through the origin of each other (angle + π).
    let mirrored = 0;
    for (let i = 0; i < 500; i++) {
      const ax = b.x[i * 2],
        ay = b.x[i * 2 + 1];
      const bx = b.x[(500 + i) * 2],
        by = b.x[(500 + i) * 2 + 1];
      if (Math.hypot(ax + bx, ay + by) < 0.15) mirrored++;
    }
    expect(mirrored).toBeGreaterThan(450);
  });
});
