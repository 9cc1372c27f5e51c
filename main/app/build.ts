// Bundles the Electron main process, the trainer process, the CLI and the preload into out/
// (the renderer is vite's job). Run with `tsx main/app/build.ts`; `npm run build` runs vite first.
// Everything that runs is built JavaScript: neither the app nor `strata` needs tsx or esbuild.
import { readFile, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { BuildOptions } from 'esbuild';
import { strataLayersModule } from '../export/tfjs/strata-layers.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
// STRATA_OUT puts the bundles elsewhere than out/ (the build's own test does).
const out = process.env.STRATA_OUT ?? 'out';

/** Node-side bundles: ESM, our own TypeScript (shared/ included) inside, no source maps. */
const node: BuildOptions = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  // Dependencies load from node_modules at run time (electron-builder packs them); our own
  // TypeScript, shared/ included, is bundled.
  packages: 'external',
  // TF.js exports ship the custom layers as one module, bundled here from their source: the
  // packaged app and a built CLI have neither that source nor esbuild.
  define: { STRATA_LAYERS_MODULE: JSON.stringify(await strataLayersModule()) },
  // Source maps stay out of the package (they were half its size); the app is debugged from
  // source with the CLI and `strata serve`.
  sourcemap: false,
  logLevel: 'warning',
};

// The app's main process, split: what loads at start-up is main.js; services that bring
// TensorFlow.js (inference, exports, the backend report) are chunks beside it, imported when
// first used, so the first window does not wait for tfjs.
// Chunk names carry hashes: chunks of an earlier build would stay beside these and be packed.
await rm(resolve(root, out, 'main/app'), { recursive: true, force: true });
await build({
  ...node,
  entryPoints: ['main/app/main.ts'],
  outdir: `${out}/main/app`,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});

/** Each single-file bundle's source and its place under out/. */
const bundles: Record<string, string> = {
  // The trainer runs in its own utility process (main/app/trainer-process.ts forks it).
  'main/engine/trainer/process-entry.ts': 'main/trainer/process-entry.js',
  // `strata` (bin/strata.mjs), and the worker thread its training runs on, which
  // main/engine/trainer/session.ts expects beside it.
  'main/cli/main.ts': 'main/cli/main.js',
  'main/engine/trainer/worker.ts': 'main/cli/worker.js',
};

await Promise.all(
  Object.entries(bundles).map(([entry, file]) =>
    build({ ...node, entryPoints: [entry], outfile: `${out}/${file}` }),
  ),
);

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
  sourcemap: false,
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
  `built main/app/main.js, ${[...Object.values(bundles), 'preload/preload.cjs'].join(', ')} in ${out}`,
);
