import { open, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatasetSchema } from '../../../../shared/datasets/catalogue.js';
import { writeFolderAtomic } from '../../storage/atomic-folder.js';
import type { Dataset, DatasetIssue, InputStats } from '../dataset.js';
import type { ExampleSource } from '../example-source.js';
import { createDataset } from '../source-dataset.js';
import { defaultSplit, type SplitOptions } from '../splits.js';
import { tableSource, type TableTarget } from '../table-source.js';

/**
 * A decoded dataset on disk: its inputs in their most compact exact type (bytes for pixels),
 * its targets, and what is needed to rebuild the schema. Reading it back is one file read per
 * array, so a second run starts without parsing CSV, decoding images or unpacking archives.
 */
interface CacheMeta {
  format: 1;
  key: string;
  schema: DatasetSchema;
  count: number;
  inputSize: number;
  inputType: InputType;
  target: { kind: 'classes' } | { kind: 'values'; size: number };
  presetTest?: { from: number; to: number };
  vocabulary?: readonly string[];
  warnings: DatasetIssue[];
}

type InputType = 'uint8' | 'float32' | 'int32';

const META = 'meta.json';
const INPUTS = 'inputs.bin';
const TARGETS = 'targets.bin';
/** Examples converted per write; bounds the extra memory a cache write takes. */
const CHUNK_BYTES = 4 << 20;

/** Whether a dataset can be cached: built over an example source, with class or value targets. */
export function cacheable(dataset: Dataset): boolean {
  const kind = dataset.source?.target.kind;
  return kind === 'classes' || kind === 'values';
}

/** The smallest type that holds every input exactly: bytes when all are whole 0–255. */
function inputTypeOf(schema: DatasetSchema, source: ExampleSource): InputType {
  if (schema.inputDtype === 'int32') return 'int32';
  const one = new Float32Array(source.inputSize);
  for (let i = 0; i < source.count; i++) {
    source.readInput(i, one, 0);
    for (const v of one) if (!(v >= 0 && v <= 255 && Number.isInteger(v))) return 'float32';
  }
  return 'uint8';
}

/** Writes `dataset` under `dir` (whole or not at all), tagged with `key`. */
export async function writeDecodedCache(
  dir: string,
  key: string,
  dataset: Dataset,
  warnings: DatasetIssue[],
): Promise<void> {
  const source = dataset.source;
  if (!source || !cacheable(dataset)) throw new Error('this dataset cannot be cached');
  const inputType = inputTypeOf(dataset.schema, source);
  await writeFolderAtomic(dir, async (temporary) => {
    const handle = await open(join(temporary, INPUTS), 'w');
    try {
      const perChunk = Math.max(1, Math.floor(CHUNK_BYTES / (4 * source.inputSize)));
      const read =
        inputType === 'int32'
          ? new Int32Array(perChunk * source.inputSize)
          : new Float32Array(perChunk * source.inputSize);
      const bytes = inputType === 'uint8' ? new Uint8Array(read.length) : undefined;
      for (let start = 0; start < source.count; start += perChunk) {
        const n = Math.min(perChunk, source.count - start);
        for (let i = 0; i < n; i++) source.readInput(start + i, read, i * source.inputSize);
        const part = bytes ?? read;
        if (bytes) bytes.set(read);
        const length = n * source.inputSize * part.BYTES_PER_ELEMENT;
        await handle.write(new Uint8Array(part.buffer, 0, length));
      }
    } finally {
      await handle.close();
    }
    const target = source.target;
    let targets: Int32Array | Float32Array;
    let meta: CacheMeta['target'];
    if (target.kind === 'classes') {
      targets = Int32Array.from({ length: source.count }, (_, i) => target.classOf(i));
      meta = { kind: 'classes' };
    } else if (target.kind === 'values') {
      targets = new Float32Array(source.count * target.size);
      for (let i = 0; i < source.count; i++) target.read(i, targets, i * target.size);
      meta = { kind: 'values', size: target.size };
    } else {
      throw new Error(`${target.kind} targets are not cached`);
    }
    await writeFile(join(temporary, TARGETS), new Uint8Array(targets.buffer));
    const full: CacheMeta = {
      format: 1,
      key,
      schema: dataset.schema,
      count: source.count,
      inputSize: source.inputSize,
      inputType,
      target: meta,
      presetTest: source.presetTest,
      vocabulary: dataset.vocabulary,
      warnings,
    };
    // Written last: a folder with a meta file is complete.
    await writeFile(join(temporary, META), JSON.stringify(full));
  });
}

/** The train split's statistics depend on how the set is split: one file per split. */
function statsFile(dir: string, options: SplitOptions = {}): string {
  const { seed, validation, test } = { ...defaultSplit, ...options };
  return join(dir, `stats-${seed}-${validation}-${test}.json`);
}

/** Keeps the train split's input statistics, so a cached set's first batch needs no pass over it. */
export async function writeStats(
  dir: string,
  options: SplitOptions | undefined,
  stats: InputStats,
) {
  const plain = {
    channels: stats.channels,
    min: Array.from(stats.min),
    max: Array.from(stats.max),
    mean: Array.from(stats.mean),
    std: Array.from(stats.std),
  };
  await writeFile(statsFile(dir, options), JSON.stringify(plain));
}

async function readStats(dir: string, options: SplitOptions | undefined) {
  try {
    const plain = JSON.parse(await readFile(statsFile(dir, options), 'utf8')) as {
      channels: number;
      min: number[];
      max: number[];
      mean: number[];
      std: number[];
    };
    return {
      channels: plain.channels,
      min: Float64Array.from(plain.min),
      max: Float64Array.from(plain.max),
      mean: Float64Array.from(plain.mean),
      std: Float64Array.from(plain.std),
    };
  } catch {
    return undefined;
  }
}

/** A view of a file's bytes as `type`, copied only when the bytes are misaligned for it. */
function typed<T extends Uint8Array | Int32Array | Float32Array>(
  bytes: Buffer,
  Type: {
    new (buffer: ArrayBufferLike, offset: number, length: number): T;
    BYTES_PER_ELEMENT: number;
  },
): T {
  const width = Type.BYTES_PER_ELEMENT;
  const aligned = bytes.byteOffset % width === 0 ? bytes : Buffer.from(bytes);
  return new Type(aligned.buffer, aligned.byteOffset, aligned.byteLength / width);
}

/** The cached dataset under `dir` when its key matches, else undefined. */
export async function readDecodedCache(
  dir: string,
  key: string,
  options?: SplitOptions,
): Promise<{ dataset: Dataset; warnings: DatasetIssue[]; hasStats: boolean } | undefined> {
  let meta: CacheMeta;
  try {
    meta = JSON.parse(await readFile(join(dir, META), 'utf8')) as CacheMeta;
  } catch {
    return undefined;
  }
  if (meta.format !== 1 || meta.key !== key) return undefined;
  try {
    const [inputBytes, targetBytes] = await Promise.all([
      readFile(join(dir, INPUTS)),
      readFile(join(dir, TARGETS)),
    ]);
    const inputs =
      meta.inputType === 'uint8'
        ? typed(inputBytes, Uint8Array)
        : meta.inputType === 'int32'
          ? typed(inputBytes, Int32Array)
          : typed(inputBytes, Float32Array);
    if (inputs.length !== meta.count * meta.inputSize) return undefined;
    const target: TableTarget =
      meta.target.kind === 'classes'
        ? { kind: 'classes', labels: typed(targetBytes, Int32Array) }
        : { kind: 'values', values: typed(targetBytes, Float32Array), size: meta.target.size };
    const source = tableSource(inputs, meta.inputSize, target, meta.presetTest);
    const stats = await readStats(dir, options);
    const dataset = createDataset(meta.schema, source, options, meta.vocabulary, stats);
    return { dataset, warnings: meta.warnings, hasStats: stats !== undefined };
  } catch {
    return undefined;
  }
}
