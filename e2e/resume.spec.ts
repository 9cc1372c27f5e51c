import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkpointFolders } from '../main/engine/trainer/checkpoint-files.js';
import { expect, test } from './fixtures.js';
import { TrainPage } from './pages/train.js';

/** Waits for the trainer to report that it started: loading it takes a while on a busy machine. */
async function expectStarted(train: TrainPage): Promise<void> {
  await expect(train.progress).toHaveAttribute('data-status', 'running', { timeout: 90_000 });
}

/** Pauses the running run, then stops it: the stop lands between two batches, never at an end. */
async function pauseThenStop(train: TrainPage): Promise<void> {
  await expect.poll(() => train.lossPoints()).toBeGreaterThan(0);
  await train.button('Pause').click();
  await train.expectStatus('paused');
  await train.button('Stop').click();
  await train.expectStatus('stopped');
}

test('stop a run mid-epoch, resume it from that batch, and hear about damaged checkpoints', async ({
  app,
  served,
}, testInfo) => {
  test.setTimeout(400_000);
  await app.openTemplate('MNIST perceptron');
  await app.saveAs('digits.strata');
  const train = new TrainPage(app.page);
  await train.open();
  // Far longer than the test: every run here is paused and stopped, none reaches its end.
  await train.setNumber('Epochs', 20);
  await train.setNumber('Batch size', 8);
  await app.tool('Save').click();
  await expect(app.title.getByLabel('unsaved changes')).toHaveCount(0);

  await train.button('Train').click();
  await expectStarted(train);
  await pauseThenStop(train);

  const note = train.page.getByTestId('resume-note');
  await train.button('Resume from checkpoint').click();
  await expectStarted(train);
  await expect(note).toContainText(
    /Resuming in epoch \d after batch \d+ \(checkpoint epoch-\d{5}-batch-\d{5}\)/,
  );
  await pauseThenStop(train);

  // Damage the newest checkpoint: the next resume passes over it and says so.
  const [runId] = await readdir(join(served.folder, 'digits.runs'));
  const checkpoints = join(served.folder, 'digits.runs', runId, 'checkpoints');
  const folders = await checkpointFolders(checkpoints);
  const newest = folders.at(-1)!;
  await writeFile(join(checkpoints, newest, 'model-main.bin'), 'garbage');
  await train.button('Resume from checkpoint').click();
  await expectStarted(train);
  await expect(note.getByRole('status')).toHaveText(
    `Skipped checkpoint ${newest}: model-main.bin is corrupt (checksum mismatch)`,
  );
  await expect(note).toContainText(`(checkpoint ${folders.at(-2)!})`);
  await app.snapshot(testInfo, 'resumed past a damaged checkpoint');
  await pauseThenStop(train);

  // Nothing usable left: the app refuses, and the checkpoints stay as they were.
  const left = await checkpointFolders(checkpoints);
  for (const folder of left) await writeFile(join(checkpoints, folder, 'manifest.json'), '{');
  await train.button('Resume from checkpoint').click();
  await expect(train.controls.getByRole('alert')).toContainText(
    `Training could not start: Cannot resume run "${runId}": none of its checkpoints can be used`,
  );
  await train.expectStatus('stopped');
  expect(await checkpointFolders(checkpoints)).toEqual(left);
});
