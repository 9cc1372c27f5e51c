import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** A file of the built renderer, ready to send. */
export interface RendererFile {
  body: Buffer;
  contentType: string;
}

/**
 * Reads the built renderer's file for a URL path (`/` is `index.html`), or null when there is
 * none. The path is decoded and normalised first, and anything that would leave the renderer
 * folder is refused rather than resolved.
 */
export async function readRendererFile(
  rendererDir: string,
  urlPath: string,
): Promise<RendererFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = normalize(decoded === '/' || decoded === '' ? 'index.html' : decoded).replace(
    /^([\\/])+/,
    '',
  );
  if (relative === '..' || relative.startsWith(`..${sep}`)) return null;
  const file = join(rendererDir, relative);
  try {
    const body = await readFile(file);
    return {
      body,
      contentType: CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    };
  } catch {
    return null;
  }
}
