import { expect, test } from './fixtures.js';

test('a refused connection says why', async ({ app }, testInfo) => {
  await app.openTemplate('MNIST perceptron');
  const { canvas } = app;
  // Dropout's only input is already fed by the first Dense; a second source is refused.
  await canvas.connect('Input', 'Dropout');
  await expect(
    app.alert(/Dropout's input is already connected to Dense; delete that edge first/),
  ).toBeVisible();
  await app.snapshot(testInfo, 'refused');
  await expect(canvas.edgeShapes).toHaveCount(4);
});
