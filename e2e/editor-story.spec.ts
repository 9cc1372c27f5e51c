import { expect, test } from './fixtures.js';
import { conv2dParams, count, denseParams, shape, validLength } from './shapes.js';

// MNIST: 28×28 grey digits in 10 classes, the blank project's dataset.
const SIDE = 28;
const CLASSES = 10;
// The catalogue's defaults a person leaves alone: 32 filters of 3×3, 2×2 pooling, 64 units.
const FILTERS = 32;
const KERNEL = 3;
const POOL = 2;
const DEFAULT_UNITS = 64;

const conv = validLength(SIDE, KERNEL);
const pooled = validLength(conv, POOL, POOL);
const flat = pooled * pooled * FILTERS;
const KINDS = ['Input', 'Conv2D', 'MaxPool2D', 'Flatten', 'Dense', 'Output'];
// Each new layer is named after its kind and numbered, as Keras names them.
const LAYERS = KINDS.map((kind) => `${kind} 1`);

test('a person builds a digit classifier, fixes a mistake, saves it and finds it again', async ({
  app,
}, testInfo) => {
  const { palette, canvas, inspector, problems } = app;

  await test.step('start with a blank project', async () => {
    await app.startBlank();
    await expect(canvas.nodes).toHaveCount(0);
  });

  await test.step('drag six layers from the palette onto the canvas', async () => {
    const area = await canvas.box();
    // The first layer on a blank canvas is brought to the middle of the view.
    await palette.drag('Input', canvas.root, { x: area.width / 2, y: area.height / 2 });
    const input = await canvas.box(canvas.node('Input 1'));
    // The rest go in free spots around it (a drop point is a node's top-left corner, roughly),
    // so that no node hides another's handles; Auto layout tidies them once they are connected.
    const below = input.y - area.y + input.height + 40;
    const spots: Record<string, { x: number; y: number }> = {
      Conv2D: { x: 110, y: below },
      MaxPool2D: { x: 430, y: below },
      Flatten: { x: 110, y: below + 150 },
      Dense: { x: 430, y: below + 150 },
      Output: { x: 110, y: 40 },
    };
    for (const [i, kind] of KINDS.entries()) {
      if (i === 0) continue;
      await palette.drag(kind, canvas.root, spots[kind]);
      await expect(canvas.node(LAYERS[i])).toBeVisible();
    }
    await expect(canvas.nodes).toHaveCount(LAYERS.length);
  });

  await test.step('connect them handle to handle and read the shapes on the edges', async () => {
    for (let i = 1; i < LAYERS.length; i++) await canvas.connect(LAYERS[i - 1], LAYERS[i]);
    await expect(canvas.edgeShapes).toHaveText([
      shape(SIDE, SIDE, 1),
      shape(conv, conv, FILTERS),
      shape(pooled, pooled, FILTERS),
      shape(flat),
      shape(DEFAULT_UNITS),
    ]);
    await app.tool('Auto layout').click();
    await expect(app.tool('Undo')).toHaveAttribute('title', 'Undo Auto layout');
    await canvas.settled();
    await app.snapshot(testInfo, 'connected');
  });

  await test.step('the Dense left at 64 units is a mistake: 10 classes, shown on the Output and in the list', async () => {
    await expect(canvas.problemBadge('Output 1')).toHaveText('1');
    await problems.open();
    await expect(problems.items).toHaveCount(1);
    await expect(problems.items.first()).toContainText(`has ${CLASSES} classes`);
    await expect(problems.items.first()).toContainText(shape(DEFAULT_UNITS));
    await app.snapshot(testInfo, 'mistake');
  });

  await test.step('fix it in the inspector: 10 units with softmax', async () => {
    await canvas.select('Dense 1');
    await expect(inspector.title).toHaveText('Dense');
    await inspector.setNumber('units', CLASSES);
    await expect(canvas.edgeShapes.last()).toHaveText(shape(CLASSES));
    // Ten outputs scored by cross-entropy must be probabilities: the next problem says so.
    await expect(problems.items).toHaveCount(1);
    await expect(problems.items.first()).toContainText('softmax');
    await inspector.choose('activation', 'softmax');
    await expect(problems.items).toHaveCount(0);
    await expect(canvas.problemBadge('Output 1')).toBeHidden();
    await expect(app.totalParams).toContainText(
      `Params ${count(conv2dParams(KERNEL, 1, FILTERS) + denseParams(flat, CLASSES))}`,
    );
    await app.snapshot(testInfo, 'fixed');
  });

  await test.step('undo brings the mistake back, redo removes it again', async () => {
    await expect(app.tool('Undo')).toHaveAttribute('title', 'Undo Change activation');
    await app.tool('Undo').click();
    await expect(inspector.field('activation')).toHaveValue('relu');
    await app.tool('Undo').click();
    await expect(inspector.field('units')).toHaveValue(String(DEFAULT_UNITS));
    await expect(canvas.edgeShapes.last()).toHaveText(shape(DEFAULT_UNITS));
    await expect(canvas.problemBadge('Output 1')).toHaveText('1');
    await app.tool('Redo').click();
    await app.tool('Redo').click();
    await expect(inspector.field('activation')).toHaveValue('softmax');
    await expect(canvas.edgeShapes.last()).toHaveText(shape(CLASSES));
    await expect(problems.items).toHaveCount(0);
    await expect(app.tool('Redo')).toBeDisabled();
  });

  const fileName = 'digits.strata';
  await test.step('save it through the in-app save dialog', async () => {
    await app.saveAs(fileName);
    await expect(app.title.getByLabel('unsaved changes')).toBeHidden();
  });

  const before = {
    shapes: await canvas.edgeShapes.allTextContents(),
    positions: await canvas.positions(),
    params: await app.totalParams.textContent(),
  };

  await test.step('reload the page and reopen the file: nothing changed', async () => {
    await app.reload();
    await app.openFile(fileName);
    await expect(canvas.nodes).toHaveCount(LAYERS.length);
    await expect(canvas.edgeShapes).toHaveText(before.shapes);
    await expect(app.totalParams).toHaveText(before.params ?? '');
    expect(await canvas.positions()).toEqual(before.positions);
    await canvas.select('Dense 1');
    await expect(inspector.field('units')).toHaveValue(String(CLASSES));
    await expect(inspector.field('activation')).toHaveValue('softmax');
    await app.snapshot(testInfo, 'reopened');
  });
});
