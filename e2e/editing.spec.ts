import { expect, test } from './fixtures.js';

test('a layer dropped on a connection is spliced into it', async ({ app }, testInfo) => {
  await app.openTemplate('MNIST perceptron');
  const { canvas, palette } = app;
  await expect(canvas.nodes).toHaveCount(5);
  // The first edge, Input → Dense, is labelled with the 784-long vector it carries.
  const area = await canvas.box();
  const label = await canvas.box(canvas.edgeShapes.first());
  await palette.drag('Dropout', canvas.root, {
    x: label.x - area.x + label.width / 2,
    y: label.y - area.y + label.height / 2,
  });
  await expect(canvas.nodes).toHaveCount(6);
  await expect(canvas.edgeShapes).toHaveCount(5);
  await expect(app.tool('Undo')).toHaveAttribute('title', 'Undo Insert Dropout');
  // Spliced, not merely dropped: every layer is still used and fed.
  await expect(app.problems.summary).toHaveText('0 errors, 0 warnings');
  await expect(canvas.node('Dropout 1')).toBeVisible();
  await app.snapshot(testInfo, 'spliced');
});

test('new layers get numbered names, and the palette adds after the selected layer', async ({
  app,
}) => {
  await app.startBlank();
  for (const kind of ['Input', 'Dense', 'Dense', 'Output']) await app.palette.add(kind);
  for (const name of ['Input 1', 'Dense 1', 'Dense 2', 'Output 1']) {
    await expect(app.canvas.node(name)).toBeVisible();
  }
  // Each was added after the one before: a chain of three connections.
  await expect(app.canvas.edgeShapes).toHaveCount(3);
  await expect(app.tool('Undo')).toHaveAttribute('title', 'Undo Add Output after Dense 2');
});

test('right-click menus act on a layer, a connection and the canvas', async ({ app }) => {
  await app.openTemplate('MNIST perceptron');
  const { canvas } = app;

  await canvas.contextMenu(canvas.node('Dropout'));
  const layerMenu = app.menu('Layer');
  await expect(layerMenu.getByRole('menuitem')).toHaveText([/Duplicate/, /Copy/, /Cut/, /Delete/]);
  await layerMenu.getByRole('menuitem', { name: /Duplicate/ }).click();
  await expect(layerMenu).toBeHidden();
  await expect(canvas.nodes).toHaveCount(6);

  await canvas.contextMenu(canvas.edgeShapes.first());
  await app
    .menu('Connection')
    .getByRole('menuitem', { name: /Delete connection/ })
    .click();
  await expect(canvas.edgeShapes).toHaveCount(3);

  await canvas.contextMenu();
  const canvasMenu = app.menu('Canvas');
  await canvasMenu.getByRole('menuitem', { name: 'Auto layout' }).click();
  await expect(app.tool('Undo')).toHaveAttribute('title', 'Undo Auto layout');

  await canvas.contextMenu();
  await expect(app.menu('Canvas')).toBeVisible();
  await app.page.keyboard.press('Escape');
  await expect(app.menu('Canvas')).toBeHidden();
});

test('a number field commits on Enter and refuses what it cannot store', async ({ app }) => {
  const { inspector, canvas } = app;
  await app.startBlank();
  await app.palette.add('Input');
  await app.palette.add('Dense');
  await canvas.select('Dense 1');
  await expect(inspector.field('units')).toHaveValue('64');

  await inspector.setNumber('units', '1e9');
  await expect(inspector.error('units')).toContainText('At most');
  await expect(inspector.field('units')).toHaveValue('1e9');
  await expect(canvas.nodeShape('Dense 1')).toContainText('64');

  await inspector.setNumber('units', '2.5');
  await expect(inspector.error('units')).toHaveText('Enter a whole number');
  await expect(canvas.nodeShape('Dense 1')).toContainText('64');

  await inspector.setNumber('units', 32);
  await expect(inspector.error('units')).toHaveCount(0);
  await expect(canvas.nodeShape('Dense 1')).toContainText('32');
  await expect(app.tool('Undo')).toHaveAttribute('title', 'Undo Change units');

  // Typing alone stores nothing: Escape puts the stored value back.
  await inspector.field('units').fill('16');
  await inspector.field('units').press('Escape');
  await expect(inspector.field('units')).toHaveValue('32');
  await expect(canvas.nodeShape('Dense 1')).toContainText('32');
});

test('side panels keep their size and folding after a reload', async ({ app }) => {
  await app.openTemplate('MNIST perceptron');
  const palette = app.page.getByTestId('panel-palette');
  const before = (await palette.boundingBox())!.width;
  const handle = await app.canvas.box(app.panelResizer('layer palette'));
  await app.page.mouse.move(handle.x + handle.width / 2, handle.y + 200);
  await app.page.mouse.down();
  await app.page.mouse.move(handle.x + 60, handle.y + 200, { steps: 4 });
  await app.page.mouse.move(handle.x + 90, handle.y + 200, { steps: 4 });
  await app.page.mouse.up();
  await expect.poll(async () => (await palette.boundingBox())!.width).toBeGreaterThan(before + 60);
  const widened = Math.round((await palette.boundingBox())!.width);

  await app.page.getByRole('button', { name: 'Hide inspector' }).click();
  await expect(app.inspector.root).toBeHidden();

  await app.reload();
  await app.openTemplate('MNIST perceptron');
  await expect.poll(async () => Math.round((await palette.boundingBox())!.width)).toBe(widened);
  await expect(app.inspector.root).toBeHidden();
  await app.page.getByRole('button', { name: 'Show inspector' }).click();
  await expect(app.inspector.root).toBeVisible();
});

test('the browser asks before a reload drops unsaved work, and not otherwise', async ({ app }) => {
  await app.openTemplate('MNIST perceptron');
  expect(await app.reload()).toBe(false);
  await app.startBlank();
  await app.palette.add('Dense');
  await expect(app.title.getByLabel('unsaved changes')).toBeVisible();
  expect(await app.reload()).toBe(true);
});

test('the Summary lists every layer with its shape and parameters; a row selects it', async ({
  app,
}) => {
  await app.openTemplate('MNIST perceptron');
  await app.page.getByRole('button', { name: 'Summary' }).click();
  const table = app.page.getByRole('table', { name: 'Summary of MLP' });
  await expect(table.getByRole('row')).toHaveCount(6);
  const dropout = table.getByRole('row', { name: /Dropout/ });
  await expect(dropout).toContainText('(None, 128)');
  await dropout.click();
  await expect(app.canvas.node('Dropout')).toHaveClass(/\bselected\b/);
  await expect(app.inspector.title).toHaveText('Dropout');
});

test('New from template works from the editor, and Save as names the document', async ({ app }) => {
  await app.startBlank();
  await app.tool('New from template…').click();
  await app.dialog('New from template').getByRole('button', { name: 'MNIST convnet' }).click();
  await expect(app.canvas.nodes).toHaveCount(10);
  await app.saveAs('convnet.strata');
  await expect(app.title).toHaveText('convnet');
});

test('fit view shows every node, and far out nodes become compact titled boxes', async ({
  app,
}, testInfo) => {
  await app.openTemplate('Residual convnet');
  const { canvas } = app;
  await app.tool('Fit view').click();
  await canvas.settled();
  const area = await canvas.box();
  for (const node of await canvas.nodes.all()) {
    const box = await canvas.box(node);
    expect(box.x).toBeGreaterThanOrEqual(area.x);
    expect(box.y).toBeGreaterThanOrEqual(area.y);
    expect(box.x + box.width).toBeLessThanOrEqual(area.x + area.width);
    expect(box.y + box.height).toBeLessThanOrEqual(area.y + area.height);
  }
  const zoomOut = app.page.getByRole('button', { name: 'Zoom Out' });
  while ((await canvas.root.getAttribute('data-zoom-level')) === 'full') await zoomOut.click();
  await expect(canvas.root).toHaveAttribute('data-zoom-level', 'compact');
  // The title is drawn large enough to read; the parameter lines give way to it.
  const title = canvas.nodes.first().locator('.layer-node-title');
  const size = await title.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  expect(size).toBeGreaterThanOrEqual(24);
  await expect(canvas.edgeShapes.first()).toBeHidden();
  await app.snapshot(testInfo, 'compact');
});
