import { expect, test } from './fixtures.js';
import { TrainPage } from './pages/train.js';

test('train, widen a layer, then test and export the earlier run; rename and delete it', async ({
  app,
}, testInfo) => {
  test.setTimeout(240_000);
  await app.openTemplate('MNIST perceptron');
  await app.saveAs('digits.strata');
  const train = new TrainPage(app.page);
  await train.open();
  await train.setNumber('Epochs', 1);
  await train.setNumber('Batch size', 32);
  await train.setNumber('Batches per epoch', 3);
  await app.tool('Save').click();
  await train.button('Train').click();
  // Starting the trainer and scoring the validation split take a while on a busy machine.
  await expect(train.progress).toHaveAttribute('data-status', 'finished', { timeout: 120_000 });
  await expect(train.runs).toHaveCount(1);

  // Dense 128 → 96: the run's model is no longer the project's.
  await app.page.getByRole('tab', { name: 'Design' }).click();
  await app.canvas.node('Dense').first().locator('.layer-node-header').click();
  await app.inspector.setNumber('units', 96);
  await app.tool('Save').click();
  await train.open();
  const note = app.page.getByTestId('run-graph-note');
  await expect(note).toContainText('This run trained an earlier version of the model');
  await expect(note).toContainText('units changed');
  await expect(note).not.toContainText('--run');

  // The earlier run still answers: its own model, on a validation example.
  const panel = app.page.getByTestId('test-panel');
  await panel.getByRole('tab', { name: 'Validation example' }).click();
  await panel.getByRole('button', { name: 'Predict' }).click();
  await expect(panel.getByTestId('prediction-top')).toHaveText(/^[0-9].*\d+\.\d%$/);

  // And exports: the finished run is the default, named with its figures.
  await app.tool('Export…').click();
  const dialog = app.page.getByRole('dialog', { name: 'Export model' });
  await dialog.getByRole('radio', { name: /^ONNX/ }).check();
  const weights = dialog.getByLabel('Weights', { exact: true });
  await expect(weights.locator('option:checked')).toContainText('(finished, 1 epochs)');
  await expect(weights.locator('option:checked')).toContainText('val accuracy');
  await expect(dialog.getByTestId('export-run-graph')).toContainText('units changed');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const result = dialog.getByTestId('export-result');
  await expect(result).toContainText('trained weights of run');
  await expect(result).toContainText('feed it raw data');
  await app.snapshot(testInfo, 'exported earlier run');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await train.renameRun(/^Run /, 'first try');
  await expect(train.run('Run first try')).toBeVisible();
  await app.snapshot(testInfo, 'renamed');

  // The run's model comes back as a tab beside the edited one.
  await note.getByRole('button', { name: "Open this run's model as a new tab" }).click();
  await expect(app.page.getByRole('tab', { name: /MLP \(run first try\)/ })).toBeVisible();

  await train.open();
  await train.deleteRun('Run first try');
  await expect(train.runs).toHaveCount(0);
  await expect(app.page.getByText('No runs of this project yet.')).toBeVisible();
});
