// Time to the first training batch and peak resident memory for a 60,000-example 28×28 IDX
// set: Strata opening a declared dataset cold (parsing the files, writing the decoded cache)
// and cached, against a plain Node script reading the same files into a Float32Array.
// Each measurement runs in its own process, the three interleaved over several rounds.
// Ratio = reference time ÷ Strata's cached time (above 1: Strata reaches a batch sooner).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { idxBytes } from '../main/services/datasets/import/idx-fixture.test-util.js';

const COUNT = 60_000;
const ROUNDS = 3;
const worker = fileURLToPath(new URL('./data/first-batch.ts', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'strata-bench-data-'));

const pixels = new Uint8Array(COUNT * 784);
for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 2654435761) >>> 24;
const labels = Uint8Array.from({ length: COUNT }, (_, i) => i % 10);
writeFileSync(join(folder, 'train-images-idx3-ubyte'), idxBytes(0x08, [COUNT, 28, 28], pixels));
writeFileSync(join(folder, 'train-labels-idx1-ubyte'), idxBytes(0x08, [COUNT], labels));
const uint8MiB = pixels.length / 2 ** 20;

interface Measured {
  ms: number;
  peakMiB: number;
  examples: number;
}
function measure(mode: 'cold' | 'cached' | 'reference'): Measured {
  if (mode === 'cold') rmSync(join(folder, 'bench.runs'), { recursive: true, force: true });
  const run = spawnSync(process.execPath, ['--import', 'tsx', worker, mode, folder], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`${mode} failed: ${run.stderr}`);
  const measured = JSON.parse(run.stdout.trim().split('\n').at(-1) as string) as Measured;
  if (measured.examples !== COUNT) throw new Error(`${mode} saw ${measured.examples} examples`);
  return measured;
}

/** An empty process's footprint, to tell the data's share of peak memory from Node's own. */
function baselineMiB(): number {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', '-e', 'console.log(process.resourceUsage().maxRSS / 1024)'],
    { encoding: 'utf8' },
  );
  return Number(run.stdout.trim());
}

const results: Record<'cold' | 'cached' | 'reference', Measured[]> = {
  cold: [],
  cached: [],
  reference: [],
};
try {
  for (let round = 0; round < ROUNDS; round++) {
    // Cold first: it writes the cache the cached measurement reads.
    for (const mode of ['cold', 'cached', 'reference'] as const) {
      const m = measure(mode);
      results[mode].push(m);
      console.log(
        `round ${round + 1} ${mode.padEnd(9)} first batch ${m.ms.toFixed(0).padStart(5)} ms  peak ${m.peakMiB.toFixed(0)} MiB`,
      );
    }
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const figures = Object.fromEntries(
  Object.entries(results).map(([mode, ms]) => [
    mode,
    { ms: median(ms.map((m) => m.ms)), peakMiB: median(ms.map((m) => m.peakMiB)) },
  ]),
) as Record<keyof typeof results, { ms: number; peakMiB: number }>;
const base = baselineMiB();
console.log(
  `set: ${COUNT} × 28×28 uint8 = ${uint8MiB.toFixed(1)} MiB; an empty process peaks at ${base.toFixed(0)} MiB`,
);
const ratio = figures.reference.ms / figures.cached.ms;
const f = (mode: keyof typeof figures) =>
  `${mode} ${figures[mode].ms.toFixed(0)} ms / ${figures[mode].peakMiB.toFixed(0)} MiB`;
console.log(
  `RESULT data ratio=${ratio.toFixed(2)} time to first batch, plain Node Float32Array reference ÷ Strata cached (${f('cached')}; ${f('cold')}; ${f('reference')}; set ${uint8MiB.toFixed(1)} MiB uint8, empty process ${base.toFixed(0)} MiB)`,
);
