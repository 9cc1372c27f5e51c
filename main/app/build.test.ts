import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strataLayersModule } from '../export/tfjs/strata-layers.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('the app build', () => {
  let out: string;
  beforeAll(async () => {
    // Inside the checkout, so the bundles find node_modules as they would from out/.
    await mkdir(join(root, 'out'), { recursive: true });
    out = await mkdtemp(join(root, 'out', 'build-test-'));
    await promisify(execFile)(process.execPath, ['--import', 'tsx', 'main/app/build.ts'], {
      cwd: root,
      env: { ...process.env, STRATA_OUT: out },
    });
  }, 120_000);
  afterAll(() => rm(out, { recursive: true, force: true }));

  it('embeds the TF.js export custom-layers module in the main bundle, needing no esbuild', async () => {
    const folder = join(out, 'main/app');
    const chunks = (await readdir(join(folder, 'chunks'))).map((f) => join(folder, 'chunks', f));
    const main = (
      await Promise.all([join(folder, 'main.js'), ...chunks].map((f) => readFile(f, 'utf8')))
    ).join('\n');
    // esbuild re-quotes the embedded text, so look for its first line (the banner, which
    // nothing else contains) rather than the whole literal.
    const [banner] = (await strataLayersModule()).split('\n');
    expect(main).toContain(banner);
    expect(main).not.toContain('STRATA_LAYERS_MODULE');
    expect(main).not.toMatch(/^import .* from "esbuild";$/m);
  });

  it('starts the main process without TensorFlow.js: it is in chunks imported when first used', async () => {
    const folder = join(out, 'main/app');
    // main.js and every chunk it imports statically (an `import(…)` call is not followed).
    const loaded = new Set<string>();
    const visit = async (file: string): Promise<void> => {
      if (loaded.has(file)) return;
      loaded.add(file);
      const text = await readFile(file, 'utf8');
      for (const [, target] of text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s*"(\.[^"]+)"/gms)) {
        await visit(join(file, '..', target));
      }
    };
    await visit(join(folder, 'main.js'));
    expect(loaded.size).toBeGreaterThan(1);
    for (const file of loaded) {
      expect(await readFile(file, 'utf8'), file).not.toMatch(/from\s*"@tensorflow\//);
    }
    // …and tfjs is in the package, in a chunk loaded later.
    const chunks = await readdir(join(folder, 'chunks'));
    const texts = await Promise.all(chunks.map((f) => readFile(join(folder, 'chunks', f), 'utf8')));
    expect(texts.some((text) => /from\s*"@tensorflow\/tfjs"/.test(text))).toBe(true);
  });

  it('bundles the trainer process and a preload that requires only electron', async () => {
    await expect(readFile(join(out, 'main/trainer/process-entry.js'), 'utf8')).resolves.toContain(
      'process-entry',
    );
    const preload = await readFile(join(out, 'preload/preload.cjs'), 'utf8');
    expect(preload).toContain('require("electron")');
  });

  it('builds a CLI that runs from JavaScript alone, with its training worker beside it', async () => {
    const cli = join(out, 'main/cli/main.js');
    const { stdout } = await promisify(execFile)(process.execPath, [cli, 'templates'], {
      cwd: root,
    });
    expect(stdout).toMatch(/^mnist-cnn\s/m);
    await expect(readFile(join(out, 'main/cli/worker.js'), 'utf8')).resolves.toContain(
      'worker.ts runs as a worker thread',
    );
  });

  it('leaves no source maps and no TypeScript loader in the bundles', async () => {
    const files = await readdir(out, { recursive: true });
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    for (const file of files.filter((f) => /\.c?js$/.test(f))) {
      const text = await readFile(join(out, file), 'utf8');
      expect(text, file).not.toContain('sourceMappingURL');
      expect(text, file).not.toMatch(/^import .* from "(tsx|wabt|esbuild)[/"]/m);
    }
  });
});
