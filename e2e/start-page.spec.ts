import { expect, test } from './fixtures.js';
import { conv2dParams, count, denseParams, validLength } from './shapes.js';

test('a template from the start page opens with its parameter total', async ({ app }, testInfo) => {
  await app.openTemplate('MNIST convnet');
  // Keras' tutorial convnet: three 3×3 'valid' convolutions (32, 64, 64 filters) with 2×2
  // pooling between them, then Dense 64 and Dense 10.
  const side = validLength(
    validLength(validLength(validLength(validLength(28, 3), 2, 2), 3), 2, 2),
    3,
  );
  const total =
    conv2dParams(3, 1, 32) +
    conv2dParams(3, 32, 64) +
    conv2dParams(3, 64, 64) +
    denseParams(side * side * 64, 64) +
    denseParams(64, 10);
  expect(total).toBe(93_322); // what Keras' model.summary() prints for it
  await expect(app.totalParams).toContainText(`Params ${count(total)}`);
  await expect(app.canvas.nodes).toHaveCount(10);
  await expect(app.problems.summary).toHaveText('0 errors, 0 warnings');
  await app.snapshot(testInfo, 'template');
});

test('unsaved edits are offered back after a reload', async ({ app, served }, testInfo) => {
  await app.startBlank();
  await app.palette.add('Dense');
  await expect(app.canvas.node('Dense 1')).toBeVisible();
  // The autosave lands in the served folder's recovery store shortly after the edit.
  await expect
    .poll(() => recoveryFiles(served.folder), { message: 'no recovery copy was written' })
    .not.toHaveLength(0);

  await app.reload();
  const recovery = app.page.getByRole('region', { name: 'Recover unsaved work' });
  await expect(recovery).toBeVisible();
  await expect(recovery.getByRole('listitem')).toHaveCount(1);
  await app.snapshot(testInfo, 'recovery offered');
  await recovery.getByRole('button', { name: 'Recover' }).click();
  await expect(app.canvas.node('Dense 1')).toBeVisible();
  await expect(app.title.getByLabel('unsaved changes')).toBeVisible();
});

async function recoveryFiles(folder: string): Promise<string[]> {
  const { readdir } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else found.push(path);
    }
  };
  await walk(join(folder, '.strata'));
  return found;
}

test('skip connections of a residual template stand clear of the layers they skip', async ({
  app,
}, testInfo) => {
  await app.openTemplate('Residual convnet');
  await expect(app.canvas.nodes).toHaveCount(19);
  await app.snapshot(testInfo, 'residual template');
  // Points along every edge, on screen, that fall inside a layer other than the edge's ends.
  const crossings = await app.page.evaluate(() => {
    const inside = (r: DOMRect, x: number, y: number, margin: number) =>
      x > r.left + margin && x < r.right - margin && y > r.top + margin && y < r.bottom - margin;
    const nodes = [...document.querySelectorAll('.react-flow__node')].map((n) => ({
      id: n.getAttribute('data-id'),
      box: n.getBoundingClientRect(),
    }));
    const found: string[] = [];
    for (const path of document.querySelectorAll<SVGPathElement>('.react-flow__edge-path')) {
      const matrix = path.getScreenCTM()!;
      const length = path.getTotalLength();
      const at = (fraction: number) =>
        path.getPointAtLength(length * fraction).matrixTransform(matrix);
      const [start, end] = [at(0), at(1)];
      const ends = nodes.filter(
        ({ box }) => inside(box, start.x, start.y, -6) || inside(box, end.x, end.y, -6),
      );
      for (let k = 1; k < 40; k++) {
        const point = at(k / 40);
        const hit = nodes.find((n) => !ends.includes(n) && inside(n.box, point.x, point.y, 2));
        if (hit) found.push(`${path.id || 'an edge'} crosses ${hit.id}`);
      }
    }
    return [...new Set(found)];
  });
  expect(crossings).toEqual([]);
});
