import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';

/** A regular file inside a tar archive. */
export interface TarEntry {
  name: string;
  data: Buffer;
}

const BLOCK = 512;

/**
 * Streams the regular files of a `.tar.gz` whose names pass `want`; others are read past without
 * being kept, so a large archive never sits in memory whole. Understands ustar name prefixes.
 */
export async function* tarGzEntries(
  file: string,
  want: (name: string) => boolean,
): AsyncGenerator<TarEntry, void, undefined> {
  const queue = new ByteQueue();
  let pending: { name: string; size: number; keep: boolean } | undefined;
  for await (const chunk of createReadStream(file).pipe(createGunzip())) {
    queue.push(chunk as Buffer);
    for (;;) {
      if (!pending) {
        if (queue.length < BLOCK) break;
        const header = queue.take(BLOCK);
        if (header.every((b) => b === 0)) continue;
        const name = field(header, 345, 155)
          ? `${field(header, 345, 155)}/${field(header, 0, 100)}`
          : field(header, 0, 100);
        const size = parseInt(field(header, 124, 12).trim() || '0', 8);
        const type = String.fromCharCode(header[156]);
        pending = { name, size, keep: (type === '0' || type === '\0') && want(name) };
      }
      const padded = Math.ceil(pending.size / BLOCK) * BLOCK;
      if (queue.length < padded) break;
      const body = queue.take(padded);
      const entry = pending;
      pending = undefined;
      if (entry.keep) yield { name: entry.name, data: body.subarray(0, entry.size) };
    }
  }
}

function field(header: Buffer, at: number, length: number): string {
  const bytes = header.subarray(at, at + length);
  const end = bytes.indexOf(0);
  return bytes.subarray(0, end < 0 ? length : end).toString('utf8');
}

/** Chunks waiting to be read, joined only when a read spans them. */
class ByteQueue {
  private chunks: Buffer[] = [];
  length = 0;

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }

  take(count: number): Buffer {
    const parts: Buffer[] = [];
    let needed = count;
    while (needed > 0) {
      const head = this.chunks[0];
      if (head.length <= needed) {
        parts.push(head);
        this.chunks.shift();
        needed -= head.length;
      } else {
        parts.push(head.subarray(0, needed));
        this.chunks[0] = head.subarray(needed);
        needed = 0;
      }
    }
    this.length -= count;
    return parts.length === 1 ? parts[0] : Buffer.concat(parts, count);
  }
}
