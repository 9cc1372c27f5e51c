// The real renderer in Debian's Chromium, served by `strata serve`: what the browser benchmarks drive.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { build } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH, chromiumMissing } from '../../e2e/chromium.js';
import { serveFolder } from '../../e2e/server.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** A page of the app and the folder `strata serve` confines it to. */
export interface BenchApp {
  page: Page;
  /** Where the benchmark writes the projects the page opens. */
  folder: string;
  /** The page's URL, token included. */
  url: string;
  close(): Promise<void>;
}

/**
 * Builds the renderer, starts `strata serve` on a fresh folder and opens a blank page in
 * Chromium (not yet navigated, so the benchmark can write files and add init scripts first).
 */
export async function openBenchApp(viewport = { width: 1400, height: 900 }): Promise<BenchApp> {
  const missing = chromiumMissing();
  if (missing) throw new Error(missing);
  await build({
    configFile: join(root, 'vite.config.ts'),
    root: join(root, 'renderer'),
    logLevel: 'warn',
  });
  const served = await serveFolder();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport });
  // tsx keeps function names with an `__name` helper that the probes carry into the page.
  await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  return {
    page,
    folder: served.folder,
    url: served.url,
    async close() {
      await browser.close();
      await served.stop();
    },
  };
}

/** Resolves once the app has loaded (its start page or a project). */
export async function waitReady(page: Page): Promise<void> {
  await page.locator('[data-app-state="loaded"]').waitFor();
}

/** Opens `file` from the app's folder through the in-app file picker, like a person would. */
export async function openProject(page: Page, file: string): Promise<void> {
  await page.getByRole('button', { name: 'Open…' }).click();
  await page
    .getByRole('dialog', { name: 'Open project' })
    .getByRole('button', { name: file })
    .click();
}
