import { mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  commitExport,
  describeProblem,
  destinationProblem,
  inspectDestination,
  stagingFolder,
} from './destination.js';
import { MANIFEST_FILE, writeManifest } from './manifest.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'strata-destination-'));
});

/** An export Strata wrote at `dir`: a model file in a subfolder, and the manifest. */
async function earlierExport(dir: string) {
  await mkdir(join(dir, 'gen'), { recursive: true });
  await writeFile(join(dir, 'gen', 'model.onnx'), 'old model');
  await writeManifest(dir, { format: 'onnx', project: 'p.strata', models: ['gen'], runId: null });
}

describe('inspectDestination', () => {
  it('tells an absent, an empty (system files aside) and a file destination apart', async () => {
    expect(await inspectDestination(join(root, 'new'))).toEqual({ kind: 'absent' });
    await mkdir(join(root, 'empty'));
    await writeFile(join(root, 'empty', '.DS_Store'), '');
    expect(await inspectDestination(join(root, 'empty'))).toEqual({ kind: 'empty' });
    await writeFile(join(root, 'a.txt'), 'a');
    expect(await inspectDestination(join(root, 'a.txt'))).toEqual({ kind: 'file' });
  });

  it('names the first files of a folder Strata did not write, folders marked with a slash', async () => {
    for (const name of ['b.txt', 'a.strata', 'c', 'd', 'e']) await writeFile(join(root, name), '');
    await mkdir(join(root, 'sub'));
    const found = await inspectDestination(root);
    expect(found).toEqual({
      kind: 'foreign',
      files: ['a.strata', 'b.txt', 'c', 'd'],
      more: 2,
      earlierExport: false,
    });
    const problem = destinationProblem(found, true)!;
    expect(problem.needsConfirmation).toBe(false);
    expect(describeProblem(problem, 'out')).toBe(
      '"out" holds files Strata did not write (a.strata, b.txt, c, d and 2 more): export into a new or empty folder, so that nothing there is replaced.',
    );
  });

  it('knows an earlier export, which needs the user to agree before it is replaced', async () => {
    const dir = join(root, 'out');
    await earlierExport(dir);
    const found = await inspectDestination(dir);
    expect(found).toMatchObject({ kind: 'export', manifest: { files: ['gen/model.onnx'] } });
    expect(destinationProblem(found, true)).toBeNull();
    const problem = destinationProblem(found, false)!;
    expect(problem.needsConfirmation).toBe(true);
    expect(describeProblem(problem, 'out')).toMatch(
      /^"out" already holds an export of p\.strata \(ONNX, written \d{4}-\d\d-\d\d \d\d:\d\d UTC\)\.$/,
    );
  });

  it('treats an earlier export as foreign once it holds a file or folder Strata did not list', async () => {
    const dir = join(root, 'out');
    await earlierExport(dir);
    await writeFile(join(dir, 'gen', 'notes.txt'), 'mine');
    await mkdir(join(dir, 'plots'));
    expect(await inspectDestination(dir)).toEqual({
      kind: 'foreign',
      files: ['gen/notes.txt', 'plots/'],
      more: 0,
      earlierExport: true,
    });
  });

  it('treats a manifest it cannot read as a file of someone else', async () => {
    const dir = join(root, 'out');
    await mkdir(dir);
    await writeFile(join(dir, MANIFEST_FILE), '{"strataExport": 2}');
    expect(await inspectDestination(dir)).toMatchObject({
      kind: 'foreign',
      files: [MANIFEST_FILE],
      earlierExport: false,
    });
  });
});

describe('commitExport', () => {
  async function staged(dir: string, text: string) {
    const folder = await stagingFolder(dir);
    await writeFile(join(folder, 'model.onnx'), text);
    await writeManifest(folder, { format: 'onnx', project: 'p.strata', models: [], runId: null });
    return folder;
  }

  it('moves the export into an absent folder, or in place of an earlier one, leaving nothing beside', async () => {
    const dir = join(root, 'out');
    expect(await commitExport(await staged(dir, 'first'), dir, false)).toBeNull();
    expect(await readFile(join(dir, 'model.onnx'), 'utf8')).toBe('first');
    const second = await staged(dir, 'second');
    expect(await commitExport(second, dir, false)).toMatchObject({ kind: 'export' });
    expect(await readFile(join(dir, 'model.onnx'), 'utf8')).toBe('first');
    expect(await commitExport(await staged(dir, 'third'), dir, true)).toBeNull();
    expect(await readFile(join(dir, 'model.onnx'), 'utf8')).toBe('third');
    expect(await readdir(root)).toEqual(['out']);
  });

  it('fills an empty folder in place: the folder the user picked stays the same folder', async () => {
    const dir = join(root, 'picked');
    await mkdir(dir);
    const before = (await stat(dir)).ino;
    expect(await commitExport(await staged(dir, 'model'), dir, false)).toBeNull();
    expect((await stat(dir)).ino).toBe(before);
    expect((await readdir(dir)).sort()).toEqual(['model.onnx', MANIFEST_FILE]);
    expect(await readdir(root)).toEqual(['picked']);
  });

  it('gives up, removing only its own staged folder, when a file appeared meanwhile', async () => {
    const dir = join(root, 'out');
    const folder = await staged(dir, 'new');
    await mkdir(dir);
    await writeFile(join(dir, 'notes.txt'), 'mine');
    expect(await commitExport(folder, dir, true)).toMatchObject({ kind: 'foreign' });
    expect(await readdir(root)).toEqual(['out']);
    expect(await readdir(dir)).toEqual(['notes.txt']);
  });
});
