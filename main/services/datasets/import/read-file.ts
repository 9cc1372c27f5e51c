import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import type { DatasetIssue } from '../dataset.js';

/** Bytes of a file, or the issue that says why it could not be read. */
export type FileBytes = { ok: true; bytes: Buffer } | { ok: false; issue: DatasetIssue };

/** Reads a file, gunzipping it when it starts with the gzip magic bytes. */
export async function readMaybeGzipped(file: string): Promise<FileBytes> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return { ok: false, issue: fileIssue(file, `cannot read the file (${describe(error)})`) };
  }
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes);
    } catch (error) {
      return { ok: false, issue: fileIssue(file, `not a valid gzip file (${describe(error)})`) };
    }
  }
  return { ok: true, bytes };
}

/** An error issue located at a file. */
export function fileIssue(file: string, message: string): DatasetIssue {
  return { severity: 'error', message, location: { file } };
}

/** The readable part of an unknown thrown value. */
export function describe(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && error.code === 'ENOENT') {
    return 'no such file or folder';
  }
  return error instanceof Error ? error.message : String(error);
}
