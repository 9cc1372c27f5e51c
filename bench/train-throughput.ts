// Training throughput of each template (default: all of them; or the names given, as in
// `npm run bench -- train-throughput mnist-cnn char-gpt`) on tfjs wasm with Strata's kernels and
// gradients, against the template's own PyTorch export (model.py, weights, and train.py's loss,
// optimizer and step) on PyTorch CPU with as many threads as wasm has (one, unless the machine
// has four or more logical cores: see wantsThreads). Same batch of 64, same data, interleaved
// rounds, medians. PyTorch's speed differs from process to process, so it runs in several
// processes and the reference is their median.
//
// The reference must have a real BLAS: Debian's python3-torch uses whichever libblas.so.3 the
// alternatives system points at, the reference netlib one unless `libopenblas0-pthread` is
// installed (apt-get install libopenblas0-pthread; .ci/run installs it). The bench prints the
// library the PyTorch process mapped and its 512² matmul rate, and refuses netlib's.
//
// Targets (the bench exits 1 when one is missed, after printing every figure): each template at
// ≥ 0.5× PyTorch, the geometric mean ≥ 0.8×, and a char-gpt step at batch 64 within 4.5× its
// time at batch 16. Environment: ROUNDS (5), ROUND_SECONDS (1.5), TORCH_PROCESSES (3).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { templates } from '../shared/templates/index.js';
import { selectBackend } from '../main/engine/backends/ladder.js';
import { strataJob } from './throughput/strata-job.js';
import { startTorch, type TorchWorker } from './throughput/torch-worker.js';

const BATCH = 64;
const BATCHES = 4; // distinct batches fed in turn
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const ROUND_SECONDS = Number(process.env.ROUND_SECONDS ?? 1.5);
const TORCH_PROCESSES = Number(process.env.TORCH_PROCESSES ?? 3);
const MIN_RATIO = 0.5;
const MIN_MEAN = 0.8;
const MAX_SCALING = 4.5; // char-gpt: step time at batch 64 over batch 16

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const seconds = (since: number) => (performance.now() - since) / 1000;

/** Strata's samples per second over `steps` steps from batch `first`. */
function strataRate(job: Awaited<ReturnType<typeof strataJob>>, steps: number): number {
  const start = performance.now();
  for (let i = 0; i < steps; i++) job.step(i);
  return (steps * BATCH) / seconds(start);
}

/** One template measured against the workers: Strata's and PyTorch's samples/s. */
async function measure(name: string, workers: TorchWorker[], dir: string) {
  const job = await strataJob(name, BATCH, BATCHES, join(dir, name));
  try {
    for (const worker of workers) await worker.load(job.torch!);
    job.step(0); // warm-up: kernels compiled, buffers allocated
    const start = performance.now();
    job.step(1);
    const steps = Math.max(1, Math.min(50, Math.round(ROUND_SECONDS / seconds(start))));
    for (const worker of workers) await worker.run(2);
    const strata: number[] = [];
    const torch = workers.map((): number[] => []);
    for (let round = 0; round < ROUNDS; round++) {
      strata.push(strataRate(job, steps));
      for (const [i, worker] of workers.entries()) torch[i]!.push(await worker.run(steps));
    }
    return { strata: median(strata), torch: median(torch.map(median)), steps };
  } finally {
    job.dispose();
  }
}

/** char-gpt's Strata step time at batch 16 and 64, interleaved, in milliseconds (medians). */
async function charGptScaling(): Promise<{ small: number; large: number }> {
  const small = await strataJob('char-gpt', 16, 2);
  const large = await strataJob('char-gpt', 64, 2);
  const time = (job: typeof small) => {
    const start = performance.now();
    job.step(0);
    return performance.now() - start;
  };
  try {
    time(small);
    time(large);
    const times = { small: [] as number[], large: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      times.small.push(time(small));
      times.large.push(time(large));
    }
    return { small: median(times.small), large: median(times.large) };
  } finally {
    small.dispose();
    large.dispose();
  }
}

async function main(): Promise<number> {
  const known = templates.map((t) => t.name);
  const asked = process.argv.slice(2);
  const unknown = asked.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    console.error(`Unknown template ${unknown.join(', ')}; have: ${known.join(', ')}`);
    return 2;
  }
  const names = asked.length > 0 ? asked : known;

  const choice = await selectBackend('wasm');
  if (!choice.ok) throw new Error(choice.error);
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  const threads = wasm.getThreadsCount();
  const plural = `${threads} thread${threads === 1 ? '' : 's'}`;

  const started = await Promise.all(
    Array.from({ length: TORCH_PROCESSES }, () => startTorch(threads)),
  );
  const workers = started.filter((w): w is TorchWorker => typeof w !== 'string');
  const failure = started.find((w): w is string => typeof w === 'string');
  if (workers.length === 0) {
    console.log(failure);
    console.log('RESULT train-throughput ratio=n/a (no PyTorch to compare with)');
    return 1;
  }
  if (failure !== undefined) console.log(failure);
  const { version, blas } = workers[0]!;
  const gflops = median(workers.map((w) => w.blas.gflops)).toFixed(1);
  console.log(
    `PyTorch ${version}: ${workers.length} processes of ${plural}, as wasm; BLAS ${blas.library}, 512² matmul ${gflops} GFLOP/s`,
  );
  // Debian's reference BLAS lives in .../blas/; OpenBLAS in .../openblas-pthread/ and the like.
  const netlib = /\/blas\/libblas/.test(blas.library);
  if (netlib) {
    console.log('The reference BLAS is netlib: apt-get install libopenblas0-pthread and rerun.');
  }

  const dir = mkdtempSync(join(tmpdir(), 'strata-bench-'));
  const ratios = new Map<string, number>();
  const misses: string[] = [];
  try {
    for (const name of names) {
      try {
        const r = await measure(name, workers, dir);
        const ratio = r.strata / r.torch;
        ratios.set(name, ratio);
        const miss = ratio < MIN_RATIO ? `  MISS (< ${MIN_RATIO})` : '';
        if (miss) misses.push(`${name} ${ratio.toFixed(2)}`);
        console.log(
          `${name.padEnd(28)} wasm ${r.strata.toFixed(0).padStart(6)} samples/s  pytorch ${r.torch.toFixed(0).padStart(6)} samples/s  ratio ${ratio.toFixed(2)}${miss}`,
        );
      } catch (error) {
        misses.push(`${name} failed`);
        console.log(`${name.padEnd(28)} failed: ${(error as Error).message}`);
      }
    }
  } finally {
    for (const worker of workers) worker.close();
    rmSync(dir, { recursive: true, force: true });
  }

  let scaling = '';
  if (names.includes('char-gpt')) {
    const { small, large } = await charGptScaling();
    const factor = large / small;
    const miss = factor > MAX_SCALING ? `  MISS (> ${MAX_SCALING})` : '';
    if (miss) misses.push(`char-gpt batch scaling ${factor.toFixed(2)}`);
    console.log(
      `char-gpt step: batch 16 ${small.toFixed(0)} ms, batch 64 ${large.toFixed(0)} ms: ${factor.toFixed(2)}×${miss}`,
    );
    scaling = ` char-gpt-64/16=${factor.toFixed(2)}`;
  }

  const measured = [...ratios.entries()];
  const mean = Math.exp(
    measured.reduce((sum, [, r]) => sum + Math.log(r), 0) / Math.max(1, measured.length),
  );
  if (measured.length > 0 && mean < MIN_MEAN) misses.push(`geometric mean ${mean.toFixed(2)}`);
  if (netlib) misses.push('netlib BLAS reference');
  const [worstName, worst] = measured.reduce((a, b) => (b[1] < a[1] ? b : a), ['none', Infinity]);
  console.log(
    misses.length === 0
      ? `All targets met (each ≥ ${MIN_RATIO}, mean ≥ ${MIN_MEAN}).`
      : `Missed: ${misses.join('; ')}`,
  );
  console.log(
    `RESULT train-throughput ratio=${mean.toFixed(2)} (Strata wasm ÷ PyTorch ${version} with ${netlib ? 'netlib' : 'its'} BLAS at ${gflops} GFLOP/s, ${plural}, batch ${BATCH}, geometric mean of ${measured.length} templates) worst=${worstName} ${worst.toFixed(2)}${scaling}`,
  );
  return misses.length === 0 ? 0 : 1;
}

process.exitCode = await main();
