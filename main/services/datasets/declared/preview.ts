import type { DatasetPreview } from '../../../../shared/api/data-channels.js';
import type { Dataset, DatasetIssue } from '../dataset.js';
import { describeIssue } from '../dataset.js';
import { summarize } from './summary.js';

/** Images whose values are not bytes are stretched to 0–255 for showing. */
function toImage(values: Float32Array | Int32Array, shape: readonly number[]) {
  const [height, width, channels] = shape;
  if (shape.length !== 3 || (channels !== 1 && channels !== 3)) return undefined;
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  const bytes = lo >= 0 && hi <= 255;
  const scale = bytes ? 1 : 255 / Math.max(1e-9, hi - lo);
  const data = Array.from(values, (v) =>
    Math.round(Math.min(255, Math.max(0, bytes ? v : (v - lo) * scale))),
  );
  return { width, height, channels: channels as 1 | 3, data };
}

/** The dataset's shape, classes, counts, the first `count` examples and its problems. */
export function previewDataset(
  dataset: Dataset,
  warnings: readonly DatasetIssue[],
  cached: boolean,
  count = 12,
): DatasetPreview {
  const { schema } = dataset;
  const summary = summarize(dataset);
  const source = dataset.source;
  const target = schema.target;
  const classNames =
    target.kind === 'classes'
      ? Array.from({ length: target.classes }, (_, i) => target.names?.[i] ?? String(i))
      : undefined;
  let histogram: number[] | undefined;
  let testHistogram: number[] | undefined;
  const examples: DatasetPreview['examples'] = [];
  if (source) {
    const preset = source.presetTest;
    if (source.target.kind === 'classes' && classNames) {
      const { classOf } = source.target;
      histogram = classNames.map(() => 0);
      if (preset) testHistogram = classNames.map(() => 0);
      for (let i = 0; i < source.count; i++) {
        const inTest = preset !== undefined && i >= preset.from && i < preset.to;
        const counts = inTest ? testHistogram : histogram;
        if (counts) counts[classOf(i)] = (counts[classOf(i)] ?? 0) + 1;
      }
    }
    const shape = summary.inputShape;
    const one =
      schema.inputDtype === 'int32'
        ? new Int32Array(source.inputSize)
        : new Float32Array(source.inputSize);
    const labelOf = (i: number): string => {
      const t = source.target;
      if (t.kind === 'classes') return classNames?.[t.classOf(i)] ?? String(t.classOf(i));
      if (t.kind === 'values') {
        const out = new Float32Array(t.size);
        t.read(i, out, 0);
        return Array.from(out, (v) => String(Number(v.toPrecision(6)))).join(', ');
      }
      return '';
    };
    // Spread over the set: files are often sorted by class.
    const stride = Math.max(1, Math.floor(source.count / count));
    for (let i = 0; i < source.count && examples.length < count; i += stride) {
      source.readInput(i, one, 0);
      const image = toImage(one, shape);
      const words = dataset.vocabulary;
      if (image) examples.push({ label: labelOf(i), image });
      else if (words) {
        const tokens = Array.from(one, (id) => words[id] ?? '?');
        const text = tokens.every((t) => t.length === 1) ? tokens.join('') : tokens.join(' ');
        examples.push({ label: labelOf(i), text });
      } else examples.push({ label: labelOf(i), values: Array.from(one.subarray(0, 32)) });
    }
  }
  return {
    id: schema.id,
    summary,
    splits: {
      train: dataset.size('train'),
      validation: dataset.size('validation'),
      test: dataset.size('test'),
    },
    ...(classNames ? { classNames } : {}),
    ...(histogram ? { histogram } : {}),
    ...(testHistogram ? { testHistogram } : {}),
    examples,
    problems: warnings.map(describeIssue),
    cached,
  };
}
