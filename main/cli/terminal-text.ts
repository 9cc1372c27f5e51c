import { thousands } from '../../shared/graph/message-text.js';

/** The longest line the CLI prints; a longer one (a name pasted a million times) is cut. */
export const MAX_LINE = 4_000;

/**
 * Characters a terminal acts on instead of showing: C0 and C1 controls other than the newline
 * (escape sequences recolour, retitle or clear the terminal; a carriage return overwrites the
 * line) and the bidirectional overrides that make text read differently from what it is.
 */
const UNSHOWABLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\r': '\\r', '\t': '\\t' };

/** `\x1b`, `\u202e`: the character's code, as JavaScript would write it. */
function escape(c: string): string {
  const named = NAMED[c];
  if (named !== undefined) return named;
  const code = c.charCodeAt(0);
  return code < 0x100
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Text as the CLI prints it, one string per line: names and ids from a project file are the
 * user's text and may hold anything, so controls are shown escaped (`\x1b[31m` prints as text,
 * not red) and each line is cut at {@link MAX_LINE} characters, saying how many were left out.
 * Newlines still break lines: messages of several lines (usage, trainer errors) stay readable.
 */
export function terminalLines(text: string): string[] {
  return text.split('\n').map((line) => {
    const shown = line.replace(UNSHOWABLE, escape);
    if (shown.length <= MAX_LINE) return shown;
    return `${shown.slice(0, MAX_LINE)}… (${thousands(shown.length - MAX_LINE)} more characters)`;
  });
}
