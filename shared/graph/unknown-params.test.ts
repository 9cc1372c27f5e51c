import { describe, expect, it } from 'vitest';
import { analyzeModel } from './analyze.js';
import { chainOf } from './sketch.js';
import { closestKey } from './unknown-params.js';

const conv = (params: Record<string, unknown>) =>
  chainOf(
    ['Input', { shape: [28, 28, 1] }],
    ['Conv2D', params],
    ['Flatten'],
    ['Dense', { units: 10, activation: 'softmax' }],
    ['Output', {}],
  );
const unknownParams = (params: Record<string, unknown>) =>
  analyzeModel(conv(params)).diagnostics.filter((d) => d.code === 'unknown-param');

describe('unknown parameter keys', () => {
  it('warn about a misspelt key, naming the key it probably meant', () => {
    const analysis = analyzeModel(conv({ filtres: 64 }));
    expect(analysis.diagnostics).toEqual([
      {
        severity: 'warning',
        code: 'unknown-param',
        message: 'Conv2D has no parameter "filtres", so it has no effect; did you mean "filters"?',
        hint: 'Rename "filtres" to "filters", or delete it.',
        target: { type: 'node', nodeId: 'n1', param: 'filtres' },
      },
    ]);
    // The default is what trains, which is why the warning matters.
    expect(analysis.nodes.get('n1')?.shape).toEqual([26, 26, 32]);
  });

  it('list the known keys when nothing is close', () => {
    const [d] = unknownParams({ colour: 'red' });
    expect(d.message).toBe('Conv2D has no parameter "colour", so it has no effect.');
    expect(d.hint).toMatch(/^Delete it\. Conv2D takes filters, kernelSize, .+\.$/);
  });

  it('are one warning when a node holds many', () => {
    const params = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, i]));
    const found = unknownParams(params);
    expect(found).toHaveLength(1);
    expect(found[0].message).toMatch(
      /^Conv2D has 5,000 parameters it does not know, which have no effect: "k0", .*"k11", … \(4,988 more\)\.$/,
    );
  });

  it('leave known keys alone', () => {
    expect(unknownParams({ filters: 8, kernelSize: 3 })).toEqual([]);
  });
});

describe('closestKey', () => {
  it('matches swaps, case, missing and extra letters, but not unrelated names', () => {
    const known = ['filters', 'kernelSize', 'strides', 'units', 'axis'];
    expect(closestKey('filtres', known)).toBe('filters');
    expect(closestKey('kernel_size', known)).toBe('kernelSize');
    expect(closestKey('unit', known)).toBe('units');
    expect(closestKey('stride', known)).toBe('strides');
    expect(closestKey('foo', known)).toBeUndefined();
    expect(closestKey('dropout', known)).toBeUndefined();
  });
});
