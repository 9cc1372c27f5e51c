import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromiumMissing } from './chromium.js';

const root = fileURLToPath(new URL('../', import.meta.url));

/**
 * Builds the renderer once for the whole run (a few seconds), so the tests never exercise a
 * stale dist/renderer left by an older checkout.
 */
export default async function globalSetup(): Promise<void> {
  const missing = chromiumMissing();
  if (missing) {
    console.warn(`Skipping the end-to-end tests. ${missing}`);
    return;
  }
  await build({ configFile: `${root}vite.config.ts`, root: `${root}renderer`, logLevel: 'warn' });
}
