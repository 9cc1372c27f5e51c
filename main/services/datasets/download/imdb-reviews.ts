import type { DatasetSchema } from '../../../../shared/datasets/catalogue.js';
import type { DatasetResult } from '../dataset.js';
import { createDataset } from '../source-dataset.js';
import type { SplitOptions } from '../splits.js';
import { tableSource } from '../table-source.js';
import { UNKNOWN_TOKEN, wordTokens } from '../vocabulary.js';
import { tarGzEntries } from './tar-entries.js';

const REVIEW = /aclImdb\/(train|test)\/(pos|neg)\/[^/]+\.txt$/;
const PAD = 0;
const UNKNOWN = 1;

/**
 * The IMDB reviews (`aclImdb/{train,test}/{pos,neg}/*.txt`) as the first `length` word ids, padded
 * at the front with 0; id 1 is the unknown word and the vocabulary comes from the train reviews.
 * Words get provisional ids while streaming so only `length` ints per review are kept.
 */
export async function openImdbReviews(
  schema: DatasetSchema,
  archive: string,
  vocabularySize: number,
  options?: SplitOptions,
): Promise<DatasetResult> {
  const length = schema.inputShape[0] ?? 200;
  const provisional = new Map<string, number>();
  const words: string[] = [];
  const trainCounts: number[] = [];
  const reviews: { name: string; test: boolean; label: number; ids: Int32Array }[] = [];
  for await (const entry of tarGzEntries(archive, (name) => REVIEW.test(name))) {
    const [, part, polarity] = REVIEW.exec(entry.name) as RegExpExecArray;
    const tokens = wordTokens(entry.data.toString('utf8').replace(/<br\s*\/?>/g, ' '));
    const ids = new Int32Array(Math.min(length, tokens.length));
    tokens.forEach((word, i) => {
      let id = provisional.get(word);
      if (id === undefined) {
        id = words.length;
        provisional.set(word, id);
        words.push(word);
        trainCounts.push(0);
      }
      if (part === 'train') trainCounts[id]++;
      if (i < length) ids[i] = id;
    });
    reviews.push({
      name: entry.name,
      test: part === 'test',
      label: polarity === 'pos' ? 1 : 0,
      ids,
    });
  }
  if (!reviews.some((r) => r.test) || !reviews.some((r) => !r.test)) {
    const message = 'the archive lacks aclImdb/train or aclImdb/test reviews';
    return { ok: false, errors: [{ severity: 'error', message, location: { file: archive } }] };
  }
  const ranked = words
    .map((_, id) => id)
    .filter((id) => trainCounts[id] > 0)
    .sort((a, b) => trainCounts[b] - trainCounts[a] || (words[a] < words[b] ? -1 : 1))
    .slice(0, vocabularySize - 2);
  const finalId = new Int32Array(words.length).fill(UNKNOWN);
  ranked.forEach((id, rank) => (finalId[id] = rank + 2));
  reviews.sort((a, b) => Number(a.test) - Number(b.test) || (a.name < b.name ? -1 : 1));
  const inputs = new Int32Array(reviews.length * length).fill(PAD);
  const labels = new Int32Array(reviews.length);
  reviews.forEach((review, n) => {
    const start = n * length + (length - review.ids.length);
    review.ids.forEach((id, i) => (inputs[start + i] = finalId[id]));
    labels[n] = review.label;
  });
  const testFrom = reviews.findIndex((r) => r.test);
  const source = tableSource(
    inputs,
    length,
    { kind: 'classes', labels },
    { from: testFrom, to: reviews.length },
  );
  const vocabulary = ['<pad>', UNKNOWN_TOKEN, ...ranked.map((id) => words[id])];
  return { ok: true, dataset: createDataset(schema, source, options, vocabulary), warnings: [] };
}
