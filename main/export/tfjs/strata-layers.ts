import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Plugin } from 'esbuild';

/** Where Strata's custom tfjs layers live; each file that registers a class is bundled. */
const CUSTOM_LAYERS = fileURLToPath(new URL('../../engine/tfjs/custom/', import.meta.url));

const BANNER = [
  '// Strata custom layers for TensorFlow.js (generated; do not edit).',
  "// Importing this module registers them with your '@tensorflow/tfjs', so that",
  '// tf.loadLayersModel can rebuild a model exported by Strata.',
].join('\n');

let cached: Promise<string> | undefined;

/**
 * The module as bundled when the desktop app was built (main/app/build.ts defines it): a
 * packaged app has neither the layers' source nor esbuild. Undefined when running from source.
 */
declare const STRATA_LAYERS_MODULE: string | undefined;

/**
 * A self-contained ES module registering every Strata custom layer with the importer's
 * `@tensorflow/tfjs` (kept external, so the classes register on the user's copy). Bundled from
 * the layers' own source (at most once per process, or once when the app is built), so it can
 * never drift from what the app trains.
 */
export function strataLayersModule(): Promise<string> {
  if (typeof STRATA_LAYERS_MODULE === 'string') return Promise.resolve(STRATA_LAYERS_MODULE);
  cached ??= bundle().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function bundle(): Promise<string> {
  const { build } = await import('esbuild');
  const registering = await registeringFiles();
  const result = await build({
    stdin: {
      contents: registering.map((file) => `import './${file}';`).join('\n'),
      resolveDir: CUSTOM_LAYERS,
      sourcefile: 'strata-layers.ts',
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2020',
    external: ['@tensorflow/tfjs'],
    legalComments: 'none',
    banner: { js: BANNER },
    logLevel: 'silent',
    plugins: [inlineSharedConstants],
  });
  return result.outputFiles[0].text;
}

/** The custom-layer source files that call `registerClass` (tests and helpers left out). */
async function registeringFiles(): Promise<string[]> {
  const files = (await readdir(CUSTOM_LAYERS))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .sort();
  const registering: string[] = [];
  for (const file of files) {
    const source = await readFile(join(CUSTOM_LAYERS, file), 'utf8');
    if (source.includes('tf.serialization.registerClass(')) {
      registering.push(file.replace(/\.ts$/, '.js'));
    }
  }
  if (registering.length === 0) throw new Error(`No custom layers found in ${CUSTOM_LAYERS}`);
  return registering;
}

/**
 * The layers read a few constants from `shared/` (e.g. the transformer blocks' epsilon), whose
 * modules also build the whole catalogue with zod at load time: bundling them would add ~750 KB.
 * Inline the constants' values instead; importing anything but a plain value fails the build.
 */
const inlineSharedConstants: Plugin = {
  name: 'inline-shared-constants',
  setup(context) {
    context.onResolve({ filter: /\/shared\// }, (args) => ({
      path: resolve(args.resolveDir, args.path),
      namespace: 'shared-constants',
    }));
    context.onLoad({ filter: /.*/, namespace: 'shared-constants' }, async (args) => {
      const module = (await import(pathToFileURL(args.path).href)) as Record<string, unknown>;
      const constants = Object.entries(module).filter(([, value]) =>
        ['number', 'string', 'boolean'].includes(typeof value),
      );
      return {
        contents: constants.map(([k, v]) => `export const ${k} = ${JSON.stringify(v)};`).join('\n'),
        loader: 'js',
      };
    });
  },
};
