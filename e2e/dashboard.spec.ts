import { expect, test } from './fixtures.js';
import { TrainPage } from './pages/train.js';

test('train the MNIST convnet on a slice of the bundled digits and find the run again', async ({
  app,
}, testInfo) => {
  await app.openTemplate('MNIST convnet');
  await app.saveAs('digits.strata');
  const train = new TrainPage(app.page);
  await train.open();

  await train.setup.getByLabel('Dataset').selectOption({ label: 'MNIST digits (10k)' });
  await expect(train.page.getByTestId('dataset-mismatch')).toHaveCount(0);
  await train.setNumber('Epochs', 1);
  await train.setNumber('Batch size', 32);
  // A slice of the digits: long enough to pause and stop it, short enough for a test.
  await train.setNumber('Batches per epoch', 150);
  await app.tool('Save').click();
  await expect(app.title.getByLabel('unsaved changes')).toHaveCount(0);

  await train.button('Train').click();
  await train.expectStatus('running');
  await expect
    .poll(() => train.lossPoints(), { message: 'the loss chart never moved' })
    .toBeGreaterThan(2);
  await expect
    .poll(() => train.percent(), { message: 'the bar never advanced' })
    .toBeGreaterThan(0);

  await train.button('Pause').click();
  await train.expectStatus('paused');
  const pausedAt = await train.percent();
  await app.snapshot(testInfo, 'paused');
  await train.button('Resume').click();
  await train.expectStatus('running');
  await expect.poll(() => train.percent()).toBeGreaterThan(pausedAt);

  await train.button('Stop').click();
  await train.expectStatus('stopped');
  await expect(train.runs).toHaveCount(1);
  await expect(train.runs.first()).toContainText('stopped');
  await app.snapshot(testInfo, 'stopped');

  await app.reload();
  await app.openFile('digits.strata');
  await train.open();
  await expect(train.runs).toHaveCount(1);
  await expect(train.runs.first()).toContainText('stopped');
  // The run's own button (its star, rename, note and delete buttons sit beside it).
  await train.runs
    .first()
    .getByRole('button', { name: /stopped/ })
    .click();
  await expect.poll(() => train.lossPoints()).toBeGreaterThan(2);
  await app.snapshot(testInfo, 'reopened run');
});
