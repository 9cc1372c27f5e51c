// Bundles the Electron main process and the preload into out/ (the renderer is vite's job).
// Run with `tsx main/app/build.ts`; `npm run build` runs vite first.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { strataLayersModule } from '../export/tfjs/strata-layers.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
// STRATA_OUT puts the bundles elsewhere than out/ (the build's own test does).
const out = process.env.STRATA_OUT ?? 'out';

await build({
  absWorkingDir: root,
  entryPoints: ['main/app/main.ts'],
  outfile: `${out}/main/app/main.js`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  // Dependencies load from node_modules at run time (electron-builder packs them); our own
  // TypeScript, shared/ included, is bundled.
  packages: 'external',
  // TF.js exports ship the custom layers as one module, bundled here from their source: the
  // packaged app has neither that source nor esbuild.
  define: { STRATA_LAYERS_MODULE: JSON.stringify(await strataLayersModule()) },
  sourcemap: true,
  logLevel: 'warning',
});

// The trainer runs in its own utility process (main/app/trainer-process.ts forks it).
await build({
  absWorkingDir: root,
  entryPoints: ['main/engine/trainer/process-entry.ts'],
  outfile: `${out}/main/trainer/process-entry.js`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});

// A sandboxed preload has no module loader beyond a `require` that knows only 'electron':
// everything else must be inside this one CommonJS file.
await build({
  absWorkingDir: root,
  entryPoints: ['main/app/preload.ts'],
  outfile: `${out}/preload/preload.cjs`,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'chrome130',
  external: ['electron'],
  sourcemap: 'inline',
  logLevel: 'warning',
});

const preload = await readFile(resolve(root, out, 'preload/preload.cjs'), 'utf8');
const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
const foreign = required.filter((name) => name !== 'electron');
if (foreign.length > 0) {
  throw new Error(
    `The preload requires ${foreign.join(', ')}; a sandboxed preload may only require electron.`,
  );
}
console.log(
  `built main/app/main.js, main/trainer/process-entry.js and preload/preload.cjs in ${out}`,
);
