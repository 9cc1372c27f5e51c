// A PyTorch process that trains templates' PyTorch exports on command (train_throughput_torch.py).
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { TorchJob } from './strata-job.js';

/** A running PyTorch worker. */
export interface TorchWorker {
  version: string;
  /** The BLAS library the process mapped, and its rate on a 512² matmul in GFLOP/s. */
  blas: { library: string; gflops: number };
  load(job: TorchJob): Promise<void>;
  /** Trains `steps` batches of the loaded job; samples per second. */
  run(steps: number): Promise<number>;
  close(): void;
}

/** Starts a worker on `threads` threads, or says why it could not. */
export async function startTorch(threads: number): Promise<TorchWorker | string> {
  const script = fileURLToPath(new URL('../train_throughput_torch.py', import.meta.url));
  // STRATA_PYTHON: the interpreter with torch (default Debian's /usr/bin/python3).
  const python = process.env.STRATA_PYTHON ?? '/usr/bin/python3';
  const child = spawn(python, [script, String(threads)], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async (): Promise<string> => {
    const line = await lines.next();
    if (line.done) throw new Error(stderr.trim().split('\n').slice(-3).join(' | ') || 'exited');
    return line.value;
  };
  const failed = new Promise<string>((resolve) => child.on('error', (e) => resolve(e.message)));
  let ready: string;
  let blas: string;
  try {
    const first = next();
    first.catch(() => {}); // when spawning fails, `failed` answers and this one rejects later
    ready = await Promise.race([first, failed]);
    if (!ready.startsWith('ready')) return `PyTorch did not start: ${ready}`;
    blas = await next();
  } catch (error) {
    child.kill();
    return `PyTorch unavailable: ${(error as Error).message}`;
  }
  const [, library = '?', gflops = 'NaN'] = blas.split(' ');
  return {
    version: ready.split(' ')[1] ?? '?',
    blas: { library, gflops: Number(gflops) },
    async load(job) {
      child.stdin.write(`load ${JSON.stringify(job)}\n`);
      const answer = await next();
      if (!answer.startsWith('loaded')) throw new Error(`PyTorch could not load: ${answer}`);
    },
    async run(steps) {
      child.stdin.write(`run ${steps}\n`);
      return Number((await next()).split(' ')[1]);
    },
    close: () => child.stdin.end(),
  };
}
