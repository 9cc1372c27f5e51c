import { access, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportFormat } from '../../../shared/api/export-channels.js';
import { serializeProject } from '../../../shared/project/serialize.js';
import { sketch } from '../../../shared/templates/sketch.js';
import { EXPORT_FORMATS } from '../../export/exporter.js';
import { projectOf } from '../inspection/test-runs.js';
import { absolutePaths, confinedPaths } from '../workspace/paths.js';
import { runExport } from './service.js';

let base: string;
beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'strata-exports-'));
});
afterAll(() => rm(base, { recursive: true, force: true }));

/** A small MLP with a GRU whose reset gate torch cannot place (Keras' reset_after=False). */
function gruRegressor() {
  const g = sketch();
  g.chain(
    g.add('Input', { shape: [10, 2] }),
    ['GRU', { units: 4, resetAfter: false }],
    ['Dense', { units: 1 }],
    ['Output', { loss: 'mean_squared_error', metrics: [] }],
  );
  return projectOf(g.done('gru', 'GRU'), { task: 'regression', dataset: 'sine-sequences' });
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

describe('runExport', () => {
  it('is offered exactly the formats the export pipeline writes', () => {
    expect(exportFormat.options).toEqual([...EXPORT_FORMATS]);
  });

  it('writes the files of a format into the folder named under the served root, reporting progress', async () => {
    const progress: number[] = [];
    const reply = await runExport(
      { paths: confinedPaths(base), dialogs: null },
      {
        file: join(base, 'gru.strata'),
        project: gruRegressor(),
        format: 'tfjs',
        outDir: 'out/tfjs',
      },
      (_model, fraction) => progress.push(fraction),
    );
    expect(reply).toMatchObject({ ok: true, result: { status: 'exported' } });
    const result = reply.ok && reply.result.status === 'exported' ? reply.result : undefined;
    expect(result?.models).toHaveLength(1);
    expect(result?.models[0].outDir).toBe('out/tfjs');
    expect(result?.models[0].files).toContain('out/tfjs/model.json');
    for (const file of result!.models[0].files) expect(await exists(join(base, file))).toBe(true);
    expect(result?.weights).toMatch(/untrained/);
    expect(progress.at(-1)).toBe(1);
  });

  it('names the layers a format cannot express, and writes nothing', async () => {
    const reply = await runExport(
      { paths: confinedPaths(base), dialogs: null },
      {
        file: join(base, 'gru.strata'),
        project: gruRegressor(),
        format: 'pytorch',
        outDir: 'out/torch',
      },
      () => {},
    );
    expect(reply).toMatchObject({
      ok: true,
      result: {
        status: 'failed',
        unsupported: [
          { modelId: 'gru', nodeId: 'gru_1', kind: 'GRU', reason: expect.stringMatching(/reset/) },
        ],
      },
    });
    expect(await exists(join(base, 'out/torch'))).toBe(false);
  });

  it('asks the folder dialog when no destination is given, and honours a cancel', async () => {
    const asked: string[] = [];
    const job = {
      file: join(base, 'gru.strata'),
      project: gruRegressor(),
      format: 'keras' as const,
    };
    const cancelled = await runExport(
      {
        paths: absolutePaths(),
        dialogs: { chooseFolder: async (title) => (asked.push(title), null) },
      },
      job,
      () => {},
    );
    expect(cancelled).toEqual({ ok: true, result: { status: 'cancelled' } });
    expect(asked).toHaveLength(1);
    const chosen = join(base, 'chosen');
    const written = await runExport(
      { paths: absolutePaths(), dialogs: { chooseFolder: async () => chosen } },
      job,
      () => {},
    );
    expect(written).toMatchObject({
      ok: true,
      result: { status: 'exported', models: [{ outDir: chosen }] },
    });
  });

  it('refuses without a destination where there is no dialog, and outside the served folder', async () => {
    const job = {
      file: join(base, 'gru.strata'),
      project: gruRegressor(),
      format: 'tfjs' as const,
    };
    expect(
      await runExport({ paths: confinedPaths(base), dialogs: null }, job, () => {}),
    ).toMatchObject({
      ok: false,
      error: { code: 'unsupported', message: expect.stringMatching(/outDir/) },
    });
    expect(
      await runExport(
        { paths: confinedPaths(base), dialogs: null },
        { ...job, outDir: '../elsewhere' },
        () => {},
      ),
    ).toMatchObject({ ok: false, error: { code: 'forbidden-path' } });
  });
});

describe('runExport never deletes what Strata did not write', () => {
  /** A folder with a project and a note of the user's, as a person would pick in the dialog. */
  async function userFolder(name: string) {
    const folder = join(base, name);
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'p.strata'), serializeProject(gruRegressor()));
    await writeFile(join(folder, 'notes.txt'), 'notes');
    return folder;
  }
  const expectUntouched = async (folder: string) =>
    expect((await readdir(folder)).sort()).toEqual(['notes.txt', 'p.strata']);

  it('refuses the folder the user picked in the native dialog when it holds their files', async () => {
    const folder = await userFolder('picked');
    const reply = await runExport(
      { paths: absolutePaths(), dialogs: { chooseFolder: async () => folder } },
      { file: join(folder, 'p.strata'), project: gruRegressor(), format: 'onnx' },
      () => {},
    );
    expect(reply).toEqual({
      ok: true,
      result: {
        status: 'failed',
        message: `"${folder}" holds files Strata did not write (notes.txt, p.strata): export into a new or empty folder, so that nothing there is replaced.`,
        unsupported: [],
      },
    });
    await expectUntouched(folder);
  });

  it('asks before replacing an earlier export, then replaces it when told to', async () => {
    const folder = await userFolder('again');
    const out = join(folder, 'p-onnx');
    const context = { paths: absolutePaths(), dialogs: { chooseFolder: async () => out } };
    const job = { file: join(folder, 'p.strata'), project: gruRegressor() };
    const first = await runExport(context, { ...job, format: 'onnx' }, () => {});
    expect(first).toMatchObject({ ok: true, result: { status: 'exported' } });
    const asked = await runExport(context, { ...job, format: 'tfjs' }, () => {});
    expect(asked).toEqual({
      ok: true,
      result: {
        status: 'confirm-replace',
        outDir: out,
        message: expect.stringMatching(/already holds an export of p\.strata \(ONNX/),
      },
    });
    expect(await readdir(out)).toContain('model.onnx');
    const replaced = await runExport(
      { paths: absolutePaths(), dialogs: null },
      { ...job, format: 'tfjs', outDir: out, replace: true },
      () => {},
    );
    expect(replaced).toMatchObject({ ok: true, result: { status: 'exported' } });
    expect(await readdir(out)).toContain('model.json');
    expect((await readdir(folder)).sort()).toEqual(['notes.txt', 'p-onnx', 'p.strata']);
  });

  it('refuses the served folder itself (outDir ".") even when told to replace', async () => {
    const folder = await userFolder('served');
    const reply = await runExport(
      { paths: confinedPaths(folder), dialogs: null },
      {
        file: join(folder, 'p.strata'),
        project: gruRegressor(),
        format: 'onnx',
        outDir: '.',
        replace: true,
      },
      () => {},
    );
    expect(reply).toMatchObject({
      ok: true,
      result: { status: 'failed', message: expect.stringMatching(/^"\." holds files Strata/) },
    });
    await expectUntouched(folder);
  });
});
