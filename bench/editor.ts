// Frame time while dragging a node of a 1,000-node graph in the real editor (Chromium, served by
// `strata serve`), against the same drag on an otherwise empty canvas measured in the same run,
// and the time from an edit in the inspector to the new shape on the canvas.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { serializeProject } from '../shared/project/serialize.js';
import { openBenchApp, openProject, waitReady } from './browser/app.js';
import { intervals, median, ms, quantile } from './browser/stats.js';
import { chainProject, middleNode, nodeName } from './graphs/editor-graph.js';
import { timeEdit } from './in-page/editor-probes.js';
import { nextFrame, startFrames, stopFrames } from './in-page/frames.js';

const NODES = 1_000;
const DRAGS = 3;
const DRAG_STEPS = 90;
const EDITS = 15;
const FILE = 'big.strata';

/** Drags a node in a circle-free zig-zag, one mouse move per frame; returns frame intervals. */
async function dragFrames(page: Page, title: string): Promise<number[]> {
  const gaps: number[] = [];
  for (let drag = 0; drag < DRAGS; drag++) {
    const header = page.getByLabel(`${title} layer`, { exact: true }).locator('.layer-node-header');
    const box = await header.boundingBox();
    if (!box) throw new Error(`${title} is not on screen.`);
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.evaluate(startFrames);
    for (let step = 1; step <= DRAG_STEPS; step++) {
      await page.evaluate(nextFrame);
      // Out and back, so the node ends where it began and every drag covers the same ground.
      const t = step <= DRAG_STEPS / 2 ? step : DRAG_STEPS - step;
      await page.mouse.move(x + t * 4, y + t * 2);
      if (step === DRAG_STEPS / 2) {
        const moved = await header.boundingBox();
        if (!moved || Math.abs(moved.x - box.x) < DRAG_STEPS) {
          throw new Error(`Dragging ${title} did not move it.`);
        }
      }
    }
    const frames = await page.evaluate(stopFrames);
    await page.mouse.up();
    gaps.push(...intervals(frames));
  }
  return gaps;
}

/** Selects `title` and types new unit counts into the inspector, timing each to the canvas. */
async function editTimes(page: Page, title: string) {
  await page.getByLabel(`${title} layer`, { exact: true }).locator('.layer-node-header').click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  const units = inspector.getByLabel('units', { exact: true });
  await units.waitFor();
  const id = await units.getAttribute('id');
  const results: { dom: number; frame: number }[] = [];
  for (let i = 0; i < EDITS; i++) {
    const value = String(100 + i);
    results.push(
      await page.evaluate(timeEdit, { selector: `[id="${id}"]`, value, expected: value }),
    );
  }
  return {
    dom: median(results.map((r) => r.dom)),
    frame: median(results.map((r) => r.frame)),
  };
}

async function main() {
  const app = await openBenchApp();
  const { page } = app;
  try {
    await writeFile(join(app.folder, FILE), serializeProject(chainProject(NODES)));
    await page.goto(app.url);
    await waitReady(page);

    // Baseline: one Dense on an otherwise empty canvas.
    await page.getByRole('button', { name: 'New blank project' }).click();
    await page
      .getByRole('complementary', { name: 'Layer palette' })
      .getByRole('button', { name: 'Dense', exact: true })
      .dblclick();
    const emptyFrames = await dragFrames(page, 'Dense');
    const empty = median(emptyFrames);

    // The big graph, opened through the in-app file picker like any project.
    await page.reload();
    await waitReady(page);
    const opened = Date.now();
    await openProject(page, FILE);
    const target = nodeName(middleNode(NODES));
    // Large graphs mount only the nodes in view; the middle one is where the view is centred.
    await page.getByLabel(`${target} layer`, { exact: true }).waitFor();
    const mounted = await page.getByTestId('layer-node').count();
    const loadMs = Date.now() - opened;
    const dragFrameTimes = await dragFrames(page, target);
    const drag = median(dragFrameTimes);
    const edit = await editTimes(page, target);

    console.log(
      `open ${NODES}-node project: ${loadMs} ms until it is on screen (${mounted} nodes mounted)`,
    );
    for (const [name, xs] of [
      ['empty canvas', emptyFrames],
      [`${NODES} nodes`, dragFrameTimes],
    ] as const) {
      console.log(
        `drag, ${name}: ${xs.length} frames, median ${ms(median(xs))} ms, p90 ${ms(quantile(xs, 0.9))} ms, worst ${ms(quantile(xs, 1))} ms`,
      );
    }
    console.log(
      `edit → DOM: ${ms(edit.dom)} ms, edit → next frame: ${ms(edit.frame)} ms (median of ${EDITS})`,
    );
    console.log(
      `RESULT editor ratio=${(empty / drag).toFixed(2)} drag=${ms(drag)}/frame (${(1000 / drag).toFixed(1)} fps), ` +
        `empty=${ms(empty)}/frame, edit-to-shapes=${ms(edit.frame)}`,
    );
  } finally {
    await app.close();
  }
}

await main();
