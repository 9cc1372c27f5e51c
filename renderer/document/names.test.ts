import { describe, expect, it } from 'vitest';
import type { ModelGraph } from '../../shared/graph/document.js';
import { isNumberedName, numberedName } from './names.js';

const graph = (...names: (string | undefined)[]): ModelGraph => ({
  id: 'm',
  name: 'M',
  nodes: names.map((name, i) => ({
    id: `n${i}`,
    kind: 'Dense',
    ...(name ? { name } : {}),
    params: {},
    position: { x: 0, y: 0 },
  })),
  edges: [],
});

describe('numbered default names', () => {
  it('starts at 1 and counts past the highest number in use', () => {
    expect(numberedName(graph(), 'Dense')).toBe('Dense 1');
    expect(numberedName(graph('Dense 1', 'Dense 4', undefined), 'Dense')).toBe('Dense 5');
  });

  it('counts each label on its own and ignores names that only look alike', () => {
    expect(numberedName(graph('Dense 2', 'Dense 2b', 'Conv2D 7'), 'Conv2D')).toBe('Conv2D 8');
    expect(numberedName(graph('Dense 2', 'Dense 2b'), 'Dense')).toBe('Dense 3');
    expect(numberedName(graph('Dense 9'), 'Dense (x)')).toBe('Dense (x) 1');
  });

  it('tells a default name from a name the user chose', () => {
    expect(isNumberedName('Dense 3', 'Dense')).toBe(true);
    expect(isNumberedName('classifier', 'Dense')).toBe(false);
  });
});
