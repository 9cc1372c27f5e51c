import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { io } from '@tensorflow/tfjs';

/**
 * Checkpoint folders on disk, without TensorFlow.js: names, order, manifests and checksums. The
 * main process reads these to refuse a resume that has nothing to continue from, before any
 * trainer starts.
 */

/** Where a run stands when a checkpoint is taken. */
export interface CheckpointState {
  /** Epochs completed. */
  epoch: number;
  step: number;
  bestValidationLoss: number | null;
  epochsWithoutImprovement: number;
  /**
   * Set when the run stopped inside epoch `epoch + 1`: the batches of it already trained and
   * their summed figures, so a resumed run continues from the next batch.
   */
  partial?: { batches: number; sums: Record<string, number> };
}

/** What `manifest.json` in a checkpoint folder holds. */
export interface CheckpointManifest {
  state: CheckpointState;
  files: Record<string, { sha256: string; specs: io.WeightsManifestEntry[] }>;
}

/** A checkpoint that cannot be used, and why. */
export interface SkippedCheckpoint {
  checkpoint: string;
  reason: string;
}

const FOLDER = /^epoch-(\d+)(?:-batch-(\d+))?$/;

/**
 * `epoch-00003` after epoch 3; `epoch-00004-batch-00017` when stopped after batch 17 of epoch 4.
 */
export function checkpointFolderName(state: CheckpointState): string {
  const pad = (n: number) => String(n).padStart(5, '0');
  return state.partial
    ? `epoch-${pad(state.epoch + 1)}-batch-${pad(state.partial.batches)}`
    : `epoch-${pad(state.epoch)}`;
}

/** A folder's place in training: a stop inside epoch 4 comes after epoch 3 and before epoch 4. */
function position(name: string): [number, number] {
  const [, epoch, batch] = FOLDER.exec(name) ?? [];
  return [Number(epoch), batch === undefined ? Infinity : Number(batch)];
}

/** The checkpoint folders in `dir`, oldest first (none when `dir` does not exist). */
export async function checkpointFolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir).catch(() => [] as string[]);
  return entries
    .filter((e) => FOLDER.test(e))
    .sort((a, b) => {
      const [ea, ba] = position(a);
      const [eb, bb] = position(b);
      return ea - eb || (ba === bb ? 0 : ba < bb ? -1 : 1);
    });
}

/**
 * Reads a checkpoint's manifest and every file it lists, checking each checksum. Throws an Error
 * whose message says in plain words what is wrong.
 */
export async function readCheckpointFiles(
  path: string,
): Promise<{ manifest: CheckpointManifest; files: Map<string, Buffer> }> {
  let text: string;
  try {
    text = await readFile(join(path, 'manifest.json'), 'utf8');
  } catch {
    throw new Error('its manifest.json is missing');
  }
  let manifest: CheckpointManifest;
  try {
    manifest = JSON.parse(text) as CheckpointManifest;
  } catch {
    throw new Error('its manifest.json is not valid JSON');
  }
  if (typeof manifest?.state?.epoch !== 'number' || typeof manifest.files !== 'object') {
    throw new Error('its manifest.json does not describe a checkpoint');
  }
  const files = new Map<string, Buffer>();
  for (const [file, { sha256: expected }] of Object.entries(manifest.files)) {
    let bytes: Buffer;
    try {
      bytes = await readFile(join(path, file));
    } catch {
      throw new Error(`${file} is missing`);
    }
    if (sha256(bytes) !== expected) throw new Error(`${file} is corrupt (checksum mismatch)`);
    files.set(file, bytes);
  }
  return { manifest, files };
}

/**
 * The newest checkpoint in `dir` whose files are intact, with the newer ones that are not; no
 * `latest` when none is usable (or the run never wrote one).
 */
export async function latestIntactCheckpoint(
  dir: string,
): Promise<{ latest?: string; skipped: SkippedCheckpoint[] }> {
  const skipped: SkippedCheckpoint[] = [];
  for (const checkpoint of (await checkpointFolders(dir)).reverse()) {
    try {
      await readCheckpointFiles(join(dir, checkpoint));
      return { latest: checkpoint, skipped };
    } catch (error) {
      skipped.push({ checkpoint, reason: messageOf(error) });
    }
  }
  return { skipped };
}

/** Why a run cannot be resumed, naming each checkpoint that was tried. */
export function cannotResume(skipped: readonly SkippedCheckpoint[], run = 'this run'): string {
  if (skipped.length === 0) {
    return `Cannot resume ${run}: it has no checkpoint (it stopped before saving one). Start a new run instead.`;
  }
  const why = skipped.map((s) => `${s.checkpoint}: ${s.reason}`).join('; ');
  return `Cannot resume ${run}: none of its checkpoints can be used (${why}). They were kept as they are; start a new run instead.`;
}

/** The hex SHA-256 of a checkpoint file, as its manifest records it. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
