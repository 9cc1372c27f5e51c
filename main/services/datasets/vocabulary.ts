/** The token strings of a vocabulary by id; id 0 is the unknown token. @public */
export interface Vocabulary {
  tokens: readonly string[];
  idOf(token: string): number;
}

export const UNKNOWN_TOKEN = '<unk>';

/**
 * The `capacity - 1` most frequent tokens after the unknown token; ties go to the token seen
 * first, so the same text always gives the same ids.
 */
export function buildVocabulary(tokens: Iterable<string>, capacity: number): Vocabulary {
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  const ranked = [...counts.entries()]
    .map(([token, count], firstSeen) => ({ token, count, firstSeen }))
    .sort((a, b) => b.count - a.count || a.firstSeen - b.firstSeen)
    .slice(0, Math.max(0, capacity - 1))
    .map((entry) => entry.token);
  const list = [UNKNOWN_TOKEN, ...ranked];
  const ids = new Map(list.map((token, id) => [token, id]));
  return { tokens: list, idOf: (token) => ids.get(token) ?? 0 };
}

/** Token ids of a token list; unknown tokens become 0. */
export function encodeTokens(tokens: readonly string[], vocabulary: Vocabulary): Int32Array {
  const ids = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) ids[i] = vocabulary.idOf(tokens[i]);
  return ids;
}

/** Characters (code points) of a text. */
export function characterTokens(text: string): string[] {
  return Array.from(text);
}

/** Lower-case words and single punctuation marks, in order. */
export function wordTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}']+|[^\s\p{L}\p{N}]/gu) ?? [];
}
