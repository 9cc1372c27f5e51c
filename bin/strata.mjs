#!/usr/bin/env node
// `strata`. In a development checkout (tsx installed with the dev dependencies) it runs the
// TypeScript source, so `npx strata` is always current and needs no build step. Anywhere else
// (an install without dev dependencies) it runs the bundle `npm run build` writes to out/.
// STRATA_CLI=built forces the bundle, as a packaged install would run it.
import { existsSync } from 'node:fs';

const source = new URL('../main/cli/main.ts', import.meta.url);
const built = new URL('../out/main/cli/main.js', import.meta.url);

const tsx =
  process.env.STRATA_CLI === 'built'
    ? undefined
    : await import('tsx/esm/api').catch(() => undefined);
if (tsx && existsSync(source)) {
  tsx.register();
  await import(source.href);
} else if (existsSync(built)) {
  await import(built.href);
} else {
  console.error('strata: out/main/cli/main.js is missing; run `npm run build` first.');
  process.exit(1);
}
