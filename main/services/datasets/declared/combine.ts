import type { ExampleSource, TargetSource } from '../example-source.js';

/**
 * The user's training examples followed by their test examples, read from both sources in place
 * (nothing is copied); the test examples become the dataset's preset test split.
 */
export function withTestSet(train: ExampleSource, test: ExampleSource): ExampleSource {
  const split = train.count;
  const pick = <T>(index: number, a: (i: number) => T, b: (i: number) => T) =>
    index < split ? a(index) : b(index - split);
  let target: TargetSource;
  if (train.target.kind === 'classes' && test.target.kind === 'classes') {
    const [a, b] = [train.target, test.target];
    target = { kind: 'classes', classOf: (i) => pick(i, a.classOf, b.classOf) };
  } else if (train.target.kind === 'values' && test.target.kind === 'values') {
    const [a, b] = [train.target, test.target];
    target = {
      kind: 'values',
      size: a.size,
      read: (i, out, offset) =>
        i < split ? a.read(i, out, offset) : b.read(i - split, out, offset),
    };
  } else {
    throw new Error(`a test set of ${test.target.kind} cannot go with ${train.target.kind}`);
  }
  return {
    count: train.count + test.count,
    inputSize: train.inputSize,
    readInput: (i, out, offset) =>
      i < split ? train.readInput(i, out, offset) : test.readInput(i - split, out, offset),
    target,
    presetTest: { from: split, to: train.count + test.count },
  };
}

/** A class source whose indices are mapped through `map` (test labels onto the train classes). */
export function remapClasses(source: ExampleSource, map: Int32Array): ExampleSource {
  if (source.target.kind !== 'classes') return source;
  const { classOf } = source.target;
  return { ...source, target: { kind: 'classes', classOf: (i) => map[classOf(i)] } };
}
