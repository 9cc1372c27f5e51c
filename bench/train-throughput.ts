// Training throughput of the MNIST CNN (conv32-pool-conv64-pool-conv64-dense64-dense10, batch
// 64) on tfjs wasm with Strata's completed kernels, against PyTorch CPU on as many threads as
// wasm has (one, unless the machine has four or more logical cores: see wantsThreads), measured
// interleaved in the same run, and the tfjs cpu backend. PyTorch's speed
// here differs from process to process (most run at 2,500-3,000 samples/s, now and then one at
// about 4,000), so it runs in several processes and the reference is their median.
import { spawn } from 'node:child_process';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { findTemplate } from '../shared/templates/index.js';
import { selectBackend } from '../main/engine/backends/ladder.js';
import { compileModel } from '../main/engine/tfjs/compile.js';

const BATCH = 64;
const BATCHES = 8; // distinct batches fed in turn
const ROUNDS = 5; // interleaved wasm / PyTorch rounds
const TORCH_PROCESSES = 3;
const ROUND_BATCHES = 10;
const CPU_BATCHES = Number(process.env.CPU_BATCHES ?? 1); // ~30 s each
// STRATA_PYTHON: the interpreter with torch (default Debian's /usr/bin/python3).

/** The mnist-cnn template, compiled as Strata compiles it for training. */
function buildModel(): tf.LayersModel {
  const { project } = findTemplate('mnist-cnn')!;
  const compiled = compileModel(project.models[0], 'mnist-cnn', { blocks: project.blocks });
  if (!compiled.ok) throw new Error('the mnist-cnn template does not compile');
  compiled.model.compile({ optimizer: tf.train.adam(1e-3), loss: 'categoricalCrossentropy' });
  return compiled.model;
}

/** Digits from the `mnist` package (it ships 10,000), as flat images and labels. */
function loadDigits(count: number): { images: Float32Array; labels: Int32Array } {
  type Digit = { input: number[]; output: number[] };
  const mnist = createRequire(import.meta.url)('mnist') as {
    set: (train: number, test: number) => { training: Digit[] };
  };
  const digits = mnist.set(count, 0).training;
  const images = new Float32Array(count * 784);
  const labels = new Int32Array(count);
  digits.forEach((digit, i) => {
    images.set(digit.input, i * 784);
    labels[i] = digit.output.indexOf(1);
  });
  return { images, labels };
}

type Batch = { x: tf.Tensor; y: tf.Tensor };

function makeBatches(images: Float32Array, labels: Int32Array): Batch[] {
  return Array.from({ length: BATCHES }, (_, b) => ({
    x: tf.tensor4d(images.subarray(b * BATCH * 784, (b + 1) * BATCH * 784), [BATCH, 28, 28, 1]),
    y: tf.oneHot(tf.tensor1d(labels.subarray(b * BATCH, (b + 1) * BATCH), 'int32'), 10),
  }));
}

/** Trains `count` batches and returns samples per second. */
async function train(model: tf.LayersModel, batches: Batch[], count: number): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const { x, y } = batches[i % batches.length]!;
    await model.trainOnBatch(x, y); // resolves once the loss is read back: the step is done
  }
  return (count * BATCH) / ((performance.now() - start) / 1000);
}

/** Samples per second of one backend: a warm-up batch, then the timed ones. */
async function onBackend(name: 'wasm' | 'cpu', data: ReturnType<typeof loadDigits>) {
  const choice = await selectBackend(name);
  if (!choice.ok) throw new Error(choice.error);
  const batches = makeBatches(data.images, data.labels);
  const model = buildModel();
  await train(model, batches, 1);
  return { model, batches };
}

/** The PyTorch worker, or why there is none. */
interface Torch {
  version: string;
  run(batches: number): Promise<number>;
  close(): void;
}

async function startTorch(
  dataFile: string,
  count: number,
  threads: number,
): Promise<Torch | string> {
  const script = fileURLToPath(new URL('./train_throughput_torch.py', import.meta.url));
  const python = process.env.STRATA_PYTHON ?? '/usr/bin/python3';
  const child = spawn(python, [script, String(threads)], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async (): Promise<string> => {
    const line = await lines.next();
    if (line.done) throw new Error(stderr.trim().split('\n').at(-1) ?? 'python exited');
    return line.value;
  };
  const failed = new Promise<string>((resolve) => child.on('error', (e) => resolve(e.message)));
  let ready: string;
  try {
    const first = next();
    first.catch(() => {}); // when spawning fails, `failed` answers and this one rejects later
    ready = await Promise.race([first, failed]);
    if (!ready.startsWith('ready')) return `PyTorch did not start: ${ready}`;
    child.stdin.write(`load ${dataFile} ${count}\n`);
    await next();
  } catch (error) {
    child.kill();
    return `PyTorch unavailable: ${(error as Error).message}`;
  }
  return {
    version: ready.split(' ')[1] ?? '?',
    async run(batches) {
      child.stdin.write(`run ${batches}\n`);
      return Number((await next()).split(' ')[1]);
    },
    close: () => child.stdin.end(),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const data = loadDigits(BATCH * BATCHES);
  const dir = mkdtempSync(join(tmpdir(), 'strata-bench-'));
  const dataFile = join(dir, 'digits.bin');
  writeFileSync(
    dataFile,
    Buffer.concat([Buffer.from(data.images.buffer), Buffer.from(data.labels.buffer)]),
  );
  const wasm = await onBackend('wasm', data);
  const threads = (await import('@tensorflow/tfjs-backend-wasm')).getThreadsCount();
  const started = await Promise.all(
    Array.from({ length: TORCH_PROCESSES }, () => startTorch(dataFile, BATCH * BATCHES, threads)),
  );
  const torches = started.filter((torch): torch is Torch => typeof torch !== 'string');
  const failure = started.find((torch): torch is string => typeof torch === 'string');
  if (failure !== undefined) console.log(failure);
  if (torches[0] !== undefined) {
    const each = `${threads} thread${threads === 1 ? '' : 's'}`;
    console.log(`PyTorch ${torches[0].version}: ${torches.length} processes of ${each}, as wasm`);
  }
  for (const torch of torches) await torch.run(2); // warm-up

  const wasmRates: number[] = [];
  const torchRates = torches.map((): number[] => []);
  for (let round = 0; round < ROUNDS; round++) {
    wasmRates.push(await train(wasm.model, wasm.batches, ROUND_BATCHES));
    for (const [i, torch] of torches.entries()) {
      torchRates[i]!.push(await torch.run(ROUND_BATCHES));
    }
  }
  for (const torch of torches) torch.close();
  rmSync(dir, { recursive: true, force: true });
  const wasmRate = median(wasmRates);
  const rates = (xs: number[]) => xs.map((r) => r.toFixed(0)).join(', ');
  console.log(`wasm rounds: ${rates(wasmRates)} samples/s`);
  const perProcess = torchRates.map(median);
  torchRates.forEach((xs, i) => console.log(`PyTorch process ${i + 1} rounds: ${rates(xs)}`));

  const cpu = await onBackend('cpu', data);
  const cpuRate = await train(cpu.model, cpu.batches, CPU_BATCHES);
  console.log(`cpu: ${CPU_BATCHES} batch(es) at ${cpuRate.toFixed(2)} samples/s`);

  const torchRate = perProcess.length > 0 ? median(perProcess) : undefined;
  const figures = [
    `wasm=${wasmRate.toFixed(0)} samples/s`,
    `pytorch=${torchRate === undefined ? 'n/a' : torchRate.toFixed(0)} samples/s (${threads} thread${threads === 1 ? '' : 's'} each, median of ${perProcess.length} processes)`,
    `cpu=${cpuRate.toFixed(1)} samples/s`,
  ].join(', ');
  // Without PyTorch the ratio falls back to wasm over cpu, and says so.
  const ratio =
    torchRate === undefined
      ? `${(wasmRate / cpuRate).toFixed(1)} (wasm/cpu: no PyTorch)`
      : (wasmRate / torchRate).toFixed(2);
  console.log(`RESULT train-throughput ratio=${ratio} ${figures}`);
}

await main();
