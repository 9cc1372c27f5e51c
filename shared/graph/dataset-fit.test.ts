import { describe, expect, it } from 'vitest';
import { findDataset, type DatasetSchema } from '../datasets/catalogue.js';
import { analyzeModel } from './analyze.js';
import { chainOf } from './sketch.js';

const dataset = (id: string): DatasetSchema => findDataset(id)!;
const head = (units: number, activation: string, loss: string, input: unknown[] = [784]) =>
  chainOf(
    ['Input', { shape: input }],
    ['Dense', { units: 16 }],
    ['Dense', { units, activation }],
    ['Dropout', { rate: 0.1 }],
    ['Output', { loss }],
  );
const fitProblems = (graph: ReturnType<typeof head>, data: DatasetSchema) =>
  analyzeModel(graph, { dataset: data }).diagnostics.filter((d) =>
    ['loss-mismatch', 'dataset-mismatch'].includes(d.code),
  );

describe('dataset fit', () => {
  it('accepts a softmax classifier sized to the classes', () => {
    const graph = head(10, 'softmax', 'sparse_categorical_crossentropy');
    expect(fitProblems(graph, dataset('mnist-flat'))).toEqual([]);
  });

  it('stays silent without a dataset', () => {
    const graph = head(7, 'relu', 'huber', [3]);
    expect(analyzeModel(graph).diagnostics).toEqual([]);
  });

  it('reports a last layer whose size is not the number of classes', () => {
    const [d] = fitProblems(
      head(7, 'softmax', 'sparse_categorical_crossentropy'),
      dataset('mnist-flat'),
    );
    expect(d).toMatchObject({ code: 'loss-mismatch', target: { nodeId: 'n4' } });
    expect(d.message).toContain('10 classes');
    expect(d.message).toContain('7');
  });

  it('reports a missing softmax, looking through dropout', () => {
    const [d] = fitProblems(
      head(10, 'relu', 'sparse_categorical_crossentropy'),
      dataset('mnist-flat'),
    );
    expect(d.message).toContain('softmax');
  });

  it('wants one sigmoid unit for binary cross-entropy on two classes', () => {
    expect(fitProblems(head(1, 'sigmoid', 'binary_crossentropy', [2]), dataset('spirals'))).toEqual(
      [],
    );
    const [d] = fitProblems(head(2, 'sigmoid', 'binary_crossentropy', [2]), dataset('spirals'));
    expect(d.message).toContain('1 output unit');
  });

  it('refuses a regression loss on a classification dataset, on the loss parameter', () => {
    const [d] = fitProblems(head(3, 'softmax', 'mean_squared_error', [4]), dataset('iris'));
    expect(d.target).toMatchObject({ nodeId: 'n4', param: 'loss' });
  });

  it('refuses a classification loss on a regression dataset', () => {
    const [d] = fitProblems(
      head(1, 'linear', 'sparse_categorical_crossentropy', [50, 1]),
      dataset('sine-sequences'),
    );
    expect(d.target).toMatchObject({ param: 'loss' });
  });

  it('reports an Input shape that differs from the examples', () => {
    const [d] = fitProblems(
      head(10, 'softmax', 'sparse_categorical_crossentropy', [28, 28]),
      dataset('mnist-flat'),
    );
    expect(d).toMatchObject({ code: 'dataset-mismatch', target: { nodeId: 'n0', param: 'shape' } });
    expect(d.message).toContain('28×28');
    expect(d.message).toContain('784');
  });
});
