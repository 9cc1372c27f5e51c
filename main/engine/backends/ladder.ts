import * as tf from '@tensorflow/tfjs';
import { describeWasm, loadWasmBackend } from './wasm.js';

/** The tfjs backends Strata can train on, best first. */
export const backendNames = ['tensorflow', 'wasm', 'cpu'] as const;

/** A backend Strata knows how to load. */
export type BackendName = (typeof backendNames)[number];

/** One step of the ladder: how to make a backend available to tfjs. */
export interface Rung {
  name: BackendName;
  /** Registers the backend with tfjs; rejects (with the reason) when it cannot be had here. */
  load: () => Promise<void>;
  /** How the backend runs once active (binary, threads), for logs and the UI. */
  describe?: () => Promise<string>;
}

/** A backend passed over on the way down the ladder, and why. */
export interface SkippedBackend {
  name: BackendName;
  reason: string;
}

/** The outcome of choosing a backend: the active one and every better one passed over. */
export type BackendChoice =
  | { ok: true; name: BackendName; detail: string; skipped: SkippedBackend[] }
  | { ok: false; error: string; skipped: SkippedBackend[] };

/** Node bindings of libtensorflow, GPU build first; optional dependencies, often absent. */
const tensorflowPackages = ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node'];

let tensorflowPackage = '';

async function loadTensorflow(): Promise<void> {
  const failures: string[] = [];
  for (const specifier of tensorflowPackages) {
    try {
      // A variable specifier keeps TypeScript and bundlers from requiring the optional package.
      await import(specifier);
      tensorflowPackage = specifier;
      return;
    } catch (error) {
      const missing = (error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND';
      failures.push(
        missing ? `${specifier} is not installed` : `${specifier}: ${firstLine(error)}`,
      );
    }
  }
  throw new Error(failures.join('; '));
}

/** The ladder this process uses: tfjs-node, then wasm with its training kernels, then cpu. */
export const defaultRungs: Rung[] = [
  {
    name: 'tensorflow',
    load: loadTensorflow,
    describe: async () => `libtensorflow through ${tensorflowPackage}`,
  },
  { name: 'wasm', load: loadWasmBackend, describe: describeWasm },
  { name: 'cpu', load: async () => {}, describe: async () => 'plain JavaScript' },
];

/**
 * Activates the best backend that loads, or exactly `requested` when given (a name the user
 * typed, hence a plain string). Every backend passed over is reported with its reason.
 */
export async function selectBackend(
  requested?: string,
  rungs: Rung[] = defaultRungs,
): Promise<BackendChoice> {
  const skipped: SkippedBackend[] = [];
  if (requested !== undefined) {
    const rung = rungs.find((r) => r.name === requested);
    if (rung === undefined) {
      const known = rungs.map((r) => r.name).join(', ');
      return {
        ok: false,
        error: `Unknown backend '${requested}'; expected one of ${known}.`,
        skipped,
      };
    }
    const reason = await activate(rung);
    if (reason === undefined)
      return { ok: true, name: rung.name, detail: await describe(rung), skipped };
    return { ok: false, error: `Backend '${requested}' is not available: ${reason}.`, skipped };
  }
  for (const rung of rungs) {
    const reason = await activate(rung);
    if (reason === undefined)
      return { ok: true, name: rung.name, detail: await describe(rung), skipped };
    skipped.push({ name: rung.name, reason });
  }
  return { ok: false, error: 'No tfjs backend could be activated.', skipped };
}

/** Loads and switches to `rung`; returns why it failed, or undefined when it is active. */
async function activate(rung: Rung): Promise<string | undefined> {
  try {
    await rung.load();
  } catch (error) {
    return `could not load: ${firstLine(error)}`;
  }
  try {
    if (!(await tf.setBackend(rung.name))) return 'tfjs could not initialise it';
    await tf.ready();
  } catch (error) {
    return `could not initialise: ${firstLine(error)}`;
  }
  return undefined;
}

async function describe(rung: Rung): Promise<string> {
  return rung.describe === undefined ? rung.name : rung.describe();
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!;
}
