import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { barDigits } from '../main/services/datasets/import/idx-fixture.test-util.js';
import { expect, test } from './fixtures.js';
import { DataPage } from './pages/data.js';
import { TrainPage } from './pages/train.js';

/** n 28×28 digits as an IDX pair in the served folder's data/. */
async function writeDigits(folder: string, prefix: string, n: number) {
  const { images, labels } = barDigits(n);
  await mkdir(join(folder, 'data'), { recursive: true });
  await writeFile(join(folder, 'data', `${prefix}-images.idx`), images);
  await writeFile(join(folder, 'data', `${prefix}-labels.idx`), labels);
}

const flowers = [
  'petal,sepal,species',
  ...Array.from(
    { length: 30 },
    (_, i) => `${(i % 3) + 1}.${i % 7},${i % 5}.5,${['iris', 'rose', 'tulip'][i % 3]}`,
  ),
].join('\n');

test('add an IDX pair with its test pair and a CSV, train on the digits and see test accuracy', async ({
  app,
  served,
}, testInfo) => {
  test.setTimeout(180_000);
  await writeDigits(served.folder, 'train', 300);
  await writeDigits(served.folder, 't10k', 40);
  await writeFile(join(served.folder, 'flowers.csv'), `${flowers}\n`);
  await app.openTemplate('MNIST convnet');
  await app.saveAs('digits.strata');
  const data = new DataPage(app.page);
  await data.open();

  await data.start('IDX images + labels', 'digits');
  await data.path('Images file', 'data/train-images.idx');
  await data.path('Labels file', 'data/train-labels.idx');
  await data.path('Test images file (optional)', 'data/t10k-images.idx');
  await data.path('Test labels file (optional)', 'data/t10k-labels.idx');
  await data.button('Preview').click();
  await expect(data.preview.getByTestId('data-shape')).toContainText('28×28×1');
  await expect(data.preview.getByTestId('data-counts')).toContainText(
    '300 examples + 40 in the test files',
  );
  await expect(data.preview.getByTestId('data-example')).toHaveCount(12);
  await expect(data.preview.getByRole('table', { name: 'Examples per class' })).toContainText(
    'test 4',
  );
  await app.snapshot(testInfo, 'IDX preview');
  await data.button('Add to project').click();
  await expect(data.declared).toHaveCount(1);

  await data.start('CSV table', 'flowers');
  // Picked from the listing of the served folder, as a person without a native dialog would.
  await data.form.getByRole('button', { name: 'Browse…' }).first().click();
  await data.form.getByRole('option', { name: 'flowers.csv' }).click();
  const columns = data.form.getByTestId('csv-columns');
  await expect(columns.getByRole('table', { name: 'CSV preview' })).toContainText('tulip');
  await columns.getByLabel('Target column').selectOption('species');
  await data.button('Preview').click();
  await expect(data.preview.getByTestId('data-shape')).toContainText('3 classes');
  await data.button('Add to project').click();
  await expect(data.declared).toHaveCount(2);

  const train = new TrainPage(app.page);
  await train.open();
  await train.setup.getByLabel('Dataset').selectOption('digits');
  await expect(train.page.getByTestId('dataset-mismatch')).toHaveCount(0);
  await train.setNumber('Epochs', 1);
  await train.setNumber('Batch size', 16);
  await train.setNumber('Batches per epoch', 3);
  await app.tool('Save').click();
  await expect(app.title.getByLabel('unsaved changes')).toHaveCount(0);
  await train.button('Train').click();
  await expect(train.progress).toHaveAttribute('data-status', 'finished', { timeout: 90_000 });
  await expect(train.page.getByTestId('test-metrics')).toContainText('40 examples');
  await expect(train.page.getByTestId('test-metrics')).toContainText(/test accuracy \d\.\d{4}/);
  await app.snapshot(testInfo, 'test accuracy');

  await app.reload();
  await app.openFile('digits.strata');
  await data.open();
  await expect(data.declared).toHaveCount(2);
  await expect(data.declared.first()).toContainText('digits');
  await train.open();
  await expect(train.setup.getByLabel('Dataset')).toHaveValue('digits');
});

test('a broken CSV shows the row that is wrong, and nothing is added', async ({ app, served }) => {
  const good = Array.from({ length: 40 }, (_, i) => `${i},${i * 2},${i % 2 ? 'x' : 'y'}`);
  // Line 43 opens a quote it never closes: found by the import, past the column preview.
  const text = ['a,b,kind', ...good, '7,8', '3,"4,y', ''].join('\n');
  await writeFile(join(served.folder, 'broken.csv'), text);
  await app.openTemplate('MNIST perceptron');
  await app.saveAs('table.strata');
  const data = new DataPage(app.page);
  await data.open();
  await data.start('CSV table', 'broken');
  await data.path('CSV file', 'broken.csv');
  await data.form.getByTestId('csv-columns').getByLabel('Target column').selectOption('kind');
  await data.button('Preview').click();
  await expect(data.errors).toContainText(/broken\.csv, line 43: .*quoted field/);
  await expect(data.button('Add to project')).toBeDisabled();
  await expect(data.declared).toHaveCount(0);
});
