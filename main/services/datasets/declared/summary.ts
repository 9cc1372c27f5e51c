import type { DatasetSummary } from '../../../../shared/project/datasets.js';
import type { Dataset } from '../dataset.js';

/** What a project file records about a dataset once it was opened: shape, target, counts. */
export function summarize(dataset: Dataset): DatasetSummary {
  const { schema } = dataset;
  const target: DatasetSummary['target'] =
    schema.target.kind === 'classes'
      ? {
          kind: 'classes',
          classes: schema.target.classes,
          ...(schema.target.names ? { names: [...schema.target.names] } : {}),
        }
      : schema.target.kind === 'values'
        ? { kind: 'values', shape: schema.target.shape.map((d) => d ?? 1) }
        : schema.target.kind === 'next-token'
          ? { kind: 'next-token', vocabulary: schema.target.vocabulary }
          : { kind: 'values', shape: schema.inputShape.map((d) => d ?? 1) };
  const preset = dataset.source?.presetTest;
  const total = dataset.size('train') + dataset.size('validation') + dataset.size('test');
  const testExamples = preset ? preset.to - preset.from : undefined;
  return {
    inputShape: schema.inputShape.map((d) => d ?? 1),
    inputDtype: schema.inputDtype,
    target,
    examples: total - (testExamples ?? 0),
    ...(testExamples === undefined ? {} : { testExamples }),
  };
}
