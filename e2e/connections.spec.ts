import { expect, test } from './fixtures.js';

test('a new connection into a used input replaces the old one, and undo brings it back', async ({
  app,
}, testInfo) => {
  await app.openTemplate('MNIST perceptron');
  const { canvas } = app;
  // Dropout's only input is fed by the first Dense; drawing Input into it takes that edge's place.
  await canvas.connect('Input', 'Dropout');
  await expect(app.tool('Undo')).toHaveAttribute('title', "Undo Replace Dropout's input by Input");
  await expect(canvas.edgeShapes).toHaveCount(4);
  await app.snapshot(testInfo, 'replaced');
  await app.tool('Undo').click();
  await expect(app.tool('Undo')).toHaveAttribute('title', 'Nothing to undo');
  await expect(canvas.edgeShapes).toHaveCount(4);
  await expect(app.problems.summary).toHaveText('0 errors, 0 warnings');
});

test('drawing an edge that is already there says why nothing happened', async ({ app }) => {
  await app.startBlank();
  await app.palette.add('Input');
  // With Input selected, the palette adds the next layer after it, already connected.
  await app.palette.add('Dense');
  await expect(app.canvas.edgeShapes).toHaveCount(1);
  await app.canvas.connect('Input 1', 'Dense 1');
  await expect(app.alert(/Input 1 already feeds Dense 1's input/)).toBeVisible();
  await expect(app.canvas.edgeShapes).toHaveCount(1);
});
