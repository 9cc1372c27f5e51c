import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findTemplate } from '../../../shared/templates/index.js';
import { exportProject } from '../../export/pipeline.js';
import { createSession } from '../api/session.js';
import { temporaryHost } from '../api/test-host.js';
import { listRuns } from '../runs/runs.js';

let cleanup: () => Promise<void> = async () => {};
beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterEach(() => cleanup());

describe('Open takes a model file and imports it', () => {
  it('opens an ONNX model as a new project beside it, its weights a run, and lists it to open', async () => {
    const made = await temporaryHost();
    cleanup = made.cleanup;
    await mkdir(made.folder, { recursive: true });
    const template = findTemplate('mnist-cnn')!.project;
    const exported = await exportProject({
      projectPath: join(made.folder, 'digits.strata'),
      project: template,
      format: 'onnx',
      outDir: join(made.folder, 'cnn'),
    });
    expect(exported.ok).toBe(true);
    const session = createSession(made.host);
    const listed = await session.handle('renderer:files.list', {});
    if (!listed.ok) throw new Error(listed.error.message);
    expect((listed.result as { path: string }[]).map((f) => f.path)).toContain('cnn/model.onnx');

    const reply = await session.handle('renderer:project.open', { path: 'cnn/model.onnx' });
    if (!reply.ok) throw new Error(reply.error.message);
    const opened = reply.result as {
      path: string;
      document: { models: unknown[] };
      warnings: string[];
    };
    expect(opened.path).toBe('cnn/model.strata');
    expect(opened.document.models).toHaveLength(1);
    expect(opened.warnings[0]).toMatch(
      /^Imported cnn\/model\.onnx as cnn\/model\.strata; its weights are run /,
    );
    const [run] = await listRuns(join(made.folder, 'cnn', 'model.strata'));
    expect(run.status).toBe('finished');
    // The run keeps a copy of the project and its model.json: not offered to open.
    const relisted = await session.handle('renderer:files.list', {});
    if (!relisted.ok) throw new Error(relisted.error.message);
    expect((relisted.result as { path: string }[]).map((f) => f.path).sort()).toEqual([
      'cnn/model.onnx',
      'cnn/model.strata',
    ]);

    // Opened again: a second project, never the first one overwritten.
    const again = await session.handle('renderer:project.open', { path: 'cnn/model.onnx' });
    if (!again.ok) throw new Error(again.error.message);
    expect((again.result as { path: string }).path).toBe('cnn/model-2.strata');
    expect((await readdir(join(made.folder, 'cnn'))).sort()).toEqual([
      'model-2.runs',
      'model-2.strata',
      'model.onnx',
      'model.runs',
      'model.strata',
      'strata-export.json',
    ]);
    session.dispose();
  });

  it('names what it cannot import, and makes no project', async () => {
    const made = await temporaryHost();
    cleanup = made.cleanup;
    await mkdir(made.folder, { recursive: true });
    await writeFile(join(made.folder, 'broken.onnx'), 'not protobuf');
    const session = createSession(made.host);
    const reply = await session.handle('renderer:project.open', { path: 'broken.onnx' });
    expect(reply.ok).toBe(false);
    if (!reply.ok)
      expect(reply.error.message).toMatch(/^Cannot import broken\.onnx: cannot import/);
    expect(await readdir(made.folder)).toEqual(['broken.onnx']);
    session.dispose();
  });
});
