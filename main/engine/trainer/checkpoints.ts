import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { writeFileAtomic } from '../../services/storage/atomic-file.js';
import { writeFolderAtomic } from '../../services/storage/atomic-folder.js';
import {
  checkpointFolderName,
  checkpointFolders,
  readCheckpointFiles,
  sha256,
  type CheckpointManifest,
  type CheckpointState,
  type SkippedCheckpoint,
} from './checkpoint-files.js';

export type { CheckpointState, SkippedCheckpoint } from './checkpoint-files.js';

/** The trainable things a checkpoint holds, by name (a GAN has two models and two optimizers). */
export interface Trainables {
  models: Record<string, tf.LayersModel>;
  optimizers: Record<string, tf.Optimizer>;
}

type NamedTensor = { name: string; tensor: tf.Tensor };

/** What a resume found: the checkpoint restored, if any, and the newer ones it could not use. */
export interface RestoreResult {
  restored?: { state: CheckpointState; checkpoint: string; path: string };
  skipped: SkippedCheckpoint[];
}

const KEEP = 3;

/**
 * Writes weights, optimizer state and position into `dir/epoch-NNNNN` (or, stopped inside an
 * epoch, `epoch-NNNNN-batch-NNNNN`) atomically: each file flushed, the folder renamed into
 * place. Keeps the newest three.
 */
export async function saveCheckpoint(
  dir: string,
  trainables: Trainables,
  state: CheckpointState,
): Promise<string> {
  const manifest: CheckpointManifest = { state, files: {} };
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
  const final = join(dir, checkpointFolderName(state));
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
 * Restores the newest checkpoint that reads back intact and fits `trainables`; a corrupt one (bad
 * JSON, missing file, checksum mismatch, other shapes) is skipped in favour of the one before,
 * and reported. Nothing is restored, and nothing changed, when none is usable.
 */
export async function restoreLatestCheckpoint(
  dir: string,
  trainables: Trainables,
): Promise<RestoreResult> {
  const skipped: SkippedCheckpoint[] = [];
  for (const checkpoint of (await checkpointFolders(dir)).reverse()) {
    const path = join(dir, checkpoint);
    try {
      const state = await restore(path, trainables);
      return { restored: { state, checkpoint, path }, skipped };
    } catch (error) {
      skipped.push({ checkpoint, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return { skipped };
}

async function restore(path: string, trainables: Trainables): Promise<CheckpointState> {
  const { manifest, files } = await readCheckpointFiles(path);
  const decoded = new Map<string, tf.Tensor[]>();
  try {
    for (const [file, { specs }] of Object.entries(manifest.files)) {
      const bytes = files.get(file)!;
      // readFile's buffers are never shared ones.
      const buffer = bytes.buffer.slice(
        bytes.byteOffset,
        bytes.byteOffset + bytes.byteLength,
      ) as ArrayBuffer;
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
        throw new Error(`the weights of model "${name}" are missing or do not match the model`);
      }
      model.weights.forEach((w, i) => {
        if (w.shape.join() !== tensors[i].shape.join()) {
          throw new Error(
            `weight ${w.name} of model "${name}" has another shape than the model's (was the model changed?)`,
          );
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
    return manifest.state;
  } finally {
    for (const tensors of decoded.values()) tf.dispose(tensors);
  }
}

async function prune(dir: string): Promise<void> {
  const folders = await checkpointFolders(dir);
  for (const old of folders.slice(0, Math.max(0, folders.length - KEEP))) {
    await rm(join(dir, old), { recursive: true, force: true });
  }
}
