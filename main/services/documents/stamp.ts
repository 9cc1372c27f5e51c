import { createHash } from 'node:crypto';

/**
 * The stamp of a file's contents: a hash rather than mtime and size, so a save within the same
 * clock tick, or a tool that restores the mtime, is still seen as a change.
 */
export function stampOf(content: string | Uint8Array): string {
  return `sha256:${createHash('sha256').update(content).digest('hex')}`;
}
