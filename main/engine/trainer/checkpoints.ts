import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { writeFileAtomic } from '../../services/storage/atomic-file.js';
import { writeFolderAtomic } from '../../services/storage/atomic-folder.js';

/** Where a run stands when a checkpoint is taken. */
export interface CheckpointState {
  epoch: number;
  step: number;
  bestValidationLoss: number | null;
  epochsWithoutImprovement: number;
}

/** The trainable things a checkpoint holds, by name (a GAN has two models and two optimizers). */
export interface Trainables {
  models: Record<string, tf.LayersModel>;
  optimizers: Record<string, tf.Optimizer>;
}

type NamedTensor = { name: string; tensor: tf.Tensor };

interface Manifest {
  state: CheckpointState;
  files: Record<string, { sha256: string; specs: tf.io.WeightsManifestEntry[] }>;
}

const KEEP = 3;
const folderName = (epoch: number) => `epoch-${String(epoch).padStart(5, '0')}`;

/**
 * Writes weights, optimizer state and position into `dir/epoch-NNNNN` atomically (each file
 * flushed, the folder renamed into place). Keeps the newest three.
 */
export async function saveCheckpoint(
  dir: string,
  trainables: Trainables,
  state: CheckpointState,
): Promise<string> {
  const manifest: Manifest = { state, files: {} };
  // tfjs optimizers put a freshly made iteration-count scalar first in getWeights(); freed below.
  const fresh: tf.Tensor[] = [];
  const groups: [string, NamedTensor[]][] = [
    ...Object.entries(trainables.models).map(([name, model]): [string, NamedTensor[]] => [
      `model-${name}.bin`,
      model.weights.map((w, i) => ({ name: `w${i}`, tensor: w.read() })),
    ]),
    ...(await Promise.all(
      Object.entries(trainables.optimizers).map(
        async ([name, optimizer]): Promise<[string, NamedTensor[]]> => [
          `optimizer-${name}.bin`,
          (await optimizer.getWeights()).map((w, i) => {
            if (i === 0) fresh.push(w.tensor);
            return { name: `o${i}`, tensor: w.tensor };
          }),
        ],
      ),
    )),
  ];
  const final = join(dir, folderName(state.epoch));
  await writeFolderAtomic(final, async (folder) => {
    for (const [file, tensors] of groups) {
      const { data, specs } = await tf.io.encodeWeights(tensors);
      const bytes = new Uint8Array(data as ArrayBuffer);
      await writeFileAtomic(join(folder, file), bytes);
      manifest.files[file] = { sha256: sha256(bytes), specs };
    }
    await writeFileAtomic(join(folder, 'manifest.json'), JSON.stringify(manifest));
  }).finally(() => tf.dispose(fresh));
  await prune(dir);
  return final;
}

/**
 * Restores the newest checkpoint that reads back intact into `trainables`; a corrupt one (bad
 * JSON, missing file, checksum mismatch) is skipped in favour of the one before.
 */
export async function restoreLatestCheckpoint(
  dir: string,
  trainables: Trainables,
): Promise<{ state: CheckpointState; path: string; skipped: string[] } | undefined> {
  const skipped: string[] = [];
  for (const folder of (await checkpointFolders(dir)).reverse()) {
    const path = join(dir, folder);
    try {
      const state = await restore(path, trainables);
      return { state, path, skipped };
    } catch (error) {
      skipped.push(`${folder}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return undefined;
}

async function restore(path: string, trainables: Trainables): Promise<CheckpointState> {
  const manifest = JSON.parse(await readFile(join(path, 'manifest.json'), 'utf8')) as Manifest;
  const decoded = new Map<string, tf.Tensor[]>();
  for (const [file, { sha256: expected, specs }] of Object.entries(manifest.files)) {
    const bytes = await readFile(join(path, file));
    if (sha256(bytes) !== expected) throw new Error(`${file} is corrupt (checksum mismatch)`);
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const map = tf.io.decodeWeights(buffer, specs);
    decoded.set(
      file,
      specs.map((s) => map[s.name]),
    );
  }
  // Check that everything fits before touching any weights, so a bad checkpoint changes nothing.
  for (const [name, model] of Object.entries(trainables.models)) {
    const tensors = decoded.get(`model-${name}.bin`);
    if (!tensors || tensors.length !== model.weights.length) {
      throw new Error(`weights of model "${name}" are missing or do not match the model`);
    }
    model.weights.forEach((w, i) => {
      if (w.shape.join() !== tensors[i].shape.join()) {
        throw new Error(`weight ${w.name} of model "${name}" has a different shape`);
      }
    });
  }
  for (const [name, model] of Object.entries(trainables.models)) {
    model.setWeights(decoded.get(`model-${name}.bin`)!);
  }
  for (const [name, optimizer] of Object.entries(trainables.optimizers)) {
    const tensors = decoded.get(`optimizer-${name}.bin`) ?? [];
    if (tensors.length > 0) {
      await optimizer.setWeights(tensors.map((tensor, i) => ({ name: `o${i}`, tensor })));
    }
  }
  for (const tensors of decoded.values()) tf.dispose(tensors);
  return manifest.state;
}

async function checkpointFolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir).catch(() => [] as string[]);
  return entries.filter((e) => /^epoch-\d+$/.test(e)).sort();
}

async function prune(dir: string): Promise<void> {
  const folders = await checkpointFolders(dir);
  for (const old of folders.slice(0, Math.max(0, folders.length - KEEP))) {
    await rm(join(dir, old), { recursive: true, force: true });
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
