import { readFile } from 'node:fs/promises';
import type { DatasetSchema } from '../../../../shared/datasets/catalogue.js';
import type { DatasetResult } from '../dataset.js';
import { createDataset } from '../source-dataset.js';
import type { SplitOptions } from '../splits.js';
import { textWindowSource } from '../text-windows.js';
import { buildVocabulary, characterTokens, encodeTokens, wordTokens } from '../vocabulary.js';
import { describe, fileIssue } from './read-file.js';

/** A UTF-8 text file as token windows for a next-token language model. */
export interface TextImportSpec {
  kind: 'text';
  file: string;
  tokens: 'character' | 'word';
  /** Tokens per example. */
  window: number;
  /** Vocabulary size including the unknown token; default 256 characters or 10,000 words. */
  vocabulary?: number;
  name?: string;
}

/** Imports a text; invalid UTF-8 is reported at the line where it first occurs. */
export async function importText(
  spec: TextImportSpec,
  options?: SplitOptions,
): Promise<DatasetResult> {
  const { file, window } = spec;
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return { ok: false, errors: [fileIssue(file, `cannot read the file (${describe(error)})`)] };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const line = lenient.slice(0, lenient.indexOf('\uFFFD')).split('\n').length;
    return {
      ok: false,
      errors: [{ severity: 'error', message: 'not valid UTF-8 text', location: { file, line } }],
    };
  }
  const tokens = spec.tokens === 'word' ? wordTokens(text) : characterTokens(text);
  if (tokens.length < window + 1) {
    const message = `has ${tokens.length} ${spec.tokens} tokens; one window of ${window} needs ${window + 1}`;
    return { ok: false, errors: [fileIssue(file, message)] };
  }
  const capacity = spec.vocabulary ?? (spec.tokens === 'word' ? 10_000 : 256);
  const vocabulary = buildVocabulary(tokens, capacity);
  const ids = encodeTokens(tokens, vocabulary);
  const schema: DatasetSchema = {
    id: `imported:${spec.name ?? file}`,
    label: spec.name ?? 'Imported text',
    docs: `${tokens.length} ${spec.tokens} tokens of ${file} in windows of ${window}.`,
    inputShape: [window],
    inputDtype: 'int32',
    target: { kind: 'next-token', vocabulary: vocabulary.tokens.length, tokens: vocabulary.tokens },
    source: 'imported',
  };
  return {
    ok: true,
    dataset: createDataset(schema, textWindowSource(ids, window), options, vocabulary.tokens),
    warnings: [],
  };
}
