import { describe, expect, it } from 'vitest';
import { MAX_LINE, terminalLines } from './terminal-text.js';

describe('text the CLI prints', () => {
  it('shows terminal escape sequences and other controls as text', () => {
    expect(terminalLines('conv \x1b[31mred\x1b[0m\r\u0007\u009b2J\t!')).toEqual([
      'conv \\x1b[31mred\\x1b[0m\\r\\x07\\x9b2J\\t!',
    ]);
  });

  it('shows bidirectional overrides, which make text read backwards, as codes', () => {
    expect(terminalLines('dense\u202Ecod.exe')).toEqual(['dense\\u202ecod.exe']);
  });

  it('keeps printable text, accents and symbols as they are', () => {
    const text = 'Wärme → 26×26×32 “ok” 🙂';
    expect(terminalLines(text)).toEqual([text]);
  });

  it('breaks lines at newlines and cuts a line longer than the limit, saying by how much', () => {
    const [first, long] = terminalLines(`usage\n${'n'.repeat(MAX_LINE + 1234)}`);
    expect(first).toBe('usage');
    expect(long).toBe(`${'n'.repeat(MAX_LINE)}… (1,234 more characters)`);
  });
});
