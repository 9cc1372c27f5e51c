// Serves the React Flow reference page (bench/reference) to a Chromium page, with its graph.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { build } from 'vite';

const root = fileURLToPath(new URL('../reference/', import.meta.url));
const ORIGIN = 'http://reference.bench';
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};

/** Builds the reference page once; its files are served from the returned folder. */
export async function buildReference(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'strata-reference-'));
  await build({
    root,
    base: './',
    configFile: false,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4096 },
  });
  return outDir;
}

/** Opens the reference page on `page` showing `graph` (the JSON the page fetches). */
export async function openReference(page: Page, outDir: string, graph: unknown): Promise<void> {
  await page.route(`${ORIGIN}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/graph.json') {
      await route.fulfill({ contentType: TYPES['.json'], body: JSON.stringify(graph) });
      return;
    }
    const file = join(outDir, path === '/' ? 'index.html' : path);
    const body = await readFile(file).catch(() => null);
    if (!body) await route.fulfill({ status: 404 });
    else await route.fulfill({ contentType: TYPES[extname(file)] ?? 'text/plain', body });
  });
  await page.goto(`${ORIGIN}/index.html`);
}
