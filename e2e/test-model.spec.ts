import { expect, test } from './fixtures.js';
import { TrainPage } from './pages/train.js';

test('draw a digit for a freshly trained convnet, see its prediction and its feature maps', async ({
  app,
}, testInfo) => {
  await app.openTemplate('MNIST convnet');
  await app.saveAs('digits.strata');
  const train = new TrainPage(app.page);
  await train.open();
  await train.setNumber('Epochs', 1);
  await train.setNumber('Batch size', 32);
  await train.setNumber('Batches per epoch', 3);
  await app.tool('Save').click();
  await train.button('Train').click();
  await train.expectStatus('finished');

  const panel = app.page.getByTestId('test-panel');
  await expect(panel).toBeVisible();
  const pad = panel.getByTestId('drawing-pad');
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  // A "7": a bar across the top, then a stroke down to the lower left.
  const at = (x: number, y: number) => [box.x + x * box.width, box.y + y * box.height] as const;
  await app.page.mouse.move(...at(0.3, 0.25));
  await app.page.mouse.down();
  await app.page.mouse.move(...at(0.7, 0.25), { steps: 8 });
  await app.page.mouse.move(...at(0.45, 0.8), { steps: 12 });
  await app.page.mouse.up();

  const top = panel.getByTestId('prediction-top');
  await expect(top).toBeVisible();
  await expect(top).toHaveText(/^[0-9].*\d+\.\d%$/);
  await expect(
    panel.getByRole('list', { name: 'Most probable classes' }).getByRole('listitem'),
  ).toHaveCount(5);
  await app.snapshot(testInfo, 'prediction');

  await panel.getByRole('button', { name: 'Clear' }).click();
  await expect(panel.getByTestId('prediction')).toHaveCount(0);

  // The same run's first convolution, looked into from the editor's inspector.
  await app.page.getByRole('tab', { name: 'Design' }).click();
  await app.canvas.node('Conv2D').first().locator('.layer-node-header').click();
  const insight = app.page.getByTestId('insight');
  await insight.getByRole('button', { name: 'Show' }).click();
  await expect(insight.getByTestId('feature-maps').getByRole('img')).toHaveCount(32);
  await app.snapshot(testInfo, 'feature maps');
});

test('export the untrained convnet as ONNX from the toolbar', async ({ app }, testInfo) => {
  await app.openTemplate('MNIST convnet');
  await app.saveAs('digits.strata');
  await app.tool('Export…').click();
  const dialog = app.page.getByRole('dialog', { name: 'Export model' });
  await dialog.getByRole('radio', { name: /^ONNX/ }).check();
  await expect(dialog.getByLabel('Destination folder')).toHaveValue('digits-onnx');
  await expect(dialog.getByLabel('Weights', { exact: true })).toHaveValue('');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const result = dialog.getByTestId('export-result');
  await expect(result).toContainText('untrained');
  await expect(result).toContainText('digits-onnx/');
  await app.snapshot(testInfo, 'exported');

  // Again into the same folder: the dialog asks before replacing the earlier export.
  await dialog.getByRole('button', { name: 'Export' }).click();
  const confirm = dialog.getByTestId('export-confirm');
  await expect(confirm).toContainText('"digits-onnx" already holds an export of digits.strata');
  await confirm.getByRole('button', { name: 'Replace' }).click();
  await expect(result).toContainText('digits-onnx/');

  // The served folder itself holds the project: refused, and the project stays.
  await dialog.getByLabel('Destination folder').fill('.');
  await dialog.getByRole('button', { name: 'Export' }).click();
  await expect(result).toContainText('holds files Strata did not write');
  await expect(result).toContainText('digits.strata');
});
