import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { wantsThreads, writeWorkerScript } from './wasm-threads.js';

describe('wantsThreads', () => {
  it('follows STRATA_WASM_THREADS, else needs four logical cores', () => {
    expect(wantsThreads({ STRATA_WASM_THREADS: '1' }, [])).toBe(true);
    expect(wantsThreads({ STRATA_WASM_THREADS: '0' }, [])).toBe(false);
    expect(wantsThreads({}, [])).toBe(availableParallelism() >= 4);
  });

  it('is off for a process run with code on its command line, whose workers would fail', () => {
    expect(wantsThreads({ STRATA_WASM_THREADS: '1' }, ['--input-type=module', '-e'])).toBe(false);
    expect(wantsThreads({ STRATA_WASM_THREADS: '1' }, ['--import', 'tsx'])).toBe(true);
  });
});

/**
 * A process that reports twice this machine's logical cores (tfjs gives XNNPACK half of them,
 * so a 2-core machine gets 2 threads instead of 1), trains the MNIST CNN a few batches on the
 * threaded wasm build, and checks a convolution's gradients against cpu. It must end by itself:
 * idle pthreads must not hold it open.
 */
const tfjs = pathToFileURL(createRequire(import.meta.url).resolve('@tensorflow/tfjs')).href;
const CHILD = `
import os from 'node:os';
const cpus = os.cpus;
os.cpus = () => [...cpus(), ...cpus()];
const tf = await import(${JSON.stringify(tfjs)});
const { selectBackend } = await import(${JSON.stringify(new URL('./ladder.ts', import.meta.url).href)});
const { compareWithCpu, seeded, tensorOf } = await import(${JSON.stringify(new URL('./kernels/backend-parity.ts', import.meta.url).href)});
const { findTemplate } = await import(${JSON.stringify(new URL('../../../shared/templates/index.ts', import.meta.url).href)});
const { compileModel } = await import(${JSON.stringify(new URL('../tfjs/compile.ts', import.meta.url).href)});
const choice = await selectBackend('wasm');
const { project } = findTemplate('mnist-cnn');
const compiled = compileModel(project.models[0], 'mnist-cnn', { blocks: project.blocks });
compiled.model.compile({ optimizer: tf.train.adam(1e-3), loss: 'categoricalCrossentropy' });
const x = tf.randomUniform([32, 28, 28, 1]);
const y = tf.oneHot(tf.randomUniform([32], 0, 10, 'int32'), 10);
const losses = [];
for (let i = 0; i < 3; i++) losses.push(await compiled.model.trainOnBatch(x, y));
const xs = seeded([4, 13, 13, 32], 1);
const ws = seeded([3, 3, 32, 16], 2);
const parity = await compareWithCpu(() =>
  tf.grads((a, b) => tf.conv2d(a, b, 1, 'valid').square().sum())([tensorOf(xs), tensorOf(ws)]),
);
console.log(JSON.stringify({ detail: choice.detail, losses, error: parity.relativeError }));
`;

describe('the pthread worker script', () => {
  it('goes to a fresh folder only this user can read, a new one per process', async () => {
    const require = createRequire(import.meta.url);
    const root = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json'));
    const folders = { dist: join(root, 'dist'), wasmOut: join(root, 'wasm-out'), require };
    const [first, second] = [await writeWorkerScript(folders), await writeWorkerScript(folders)];
    expect(first).not.toBe(second);
    for (const file of [first, second]) {
      expect(dirname(dirname(file))).toBe(tmpdir());
      expect(dirname(file)).toMatch(/strata-wasm-[^/\\]+$/);
      if (process.platform !== 'win32') {
        expect(statSync(dirname(file)).mode & 0o777).toBe(0o700);
        expect(statSync(file).mode & 0o777).toBe(0o600);
      }
      expect(readFileSync(file, 'utf8')).toContain('postMessage');
      rmSync(dirname(file), { recursive: true, force: true });
    }
  });
});

describe('the threaded wasm build', () => {
  it('trains on two threads with gradients equal to cpu, and lets the process end', () => {
    // A file, not -e: the pthread workers inherit the command line's flags, and --input-type
    // would fail them.
    const folder = mkdtempSync(join(tmpdir(), 'strata-threads-'));
    const script = join(folder, 'child.mjs');
    writeFileSync(script, CHILD);
    const run = spawnSync(process.execPath, ['--import', 'tsx', script], {
      encoding: 'utf8',
      env: { ...process.env, STRATA_WASM_THREADS: '1' },
      timeout: 60_000,
    });
    rmSync(folder, { recursive: true, force: true });
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as {
      detail: string;
      losses: number[];
      error: number;
    };
    expect(report.detail).toMatch(/SIMD, 2 threads/);
    expect(report.losses.every(Number.isFinite)).toBe(true);
    expect(report.error).toBeLessThan(1e-4);
  });
});
