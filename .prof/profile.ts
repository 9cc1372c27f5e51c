import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { serializeProject } from '../shared/project/serialize.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.js';
import { serveFolder } from '../e2e/server.js';
import { chainProject, middleNode, nodeName } from '../bench/editor-graph.js';
import { timeEdit, startFrames, stopFrames, nextFrame } from '../bench/editor-probes.js';

const root = process.cwd();
await build({ configFile: join(root, 'vite.config.ts'), root: join(root, 'renderer'), logLevel: 'warn', build: { minify: false } });
const served = await serveFolder();
await writeFile(join(served.folder, 'big.strata'), serializeProject(chainProject(1000)));
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
await page.goto(served.url);
await page.locator('[data-app-state="loaded"]').waitFor();
await page.getByRole('button', { name: 'Open…' }).click();
await page.getByRole('dialog', { name: 'Open project' }).getByRole('button', { name: 'big.strata' }).click();
await page.waitForFunction(() => document.querySelectorAll('[data-testid="layer-node"]').length === 1000);
const title = nodeName(middleNode(1000));
const mode = process.argv[2] ?? 'edit';
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
if (mode === 'edit') {
  await page.getByLabel(`${title} layer`, { exact: true }).locator('.layer-node-header').click();
  const units = page.getByRole('complementary', { name: 'Inspector' }).getByLabel('units', { exact: true });
  const id = await units.getAttribute('id');
  await cdp.send('Profiler.start');
  for (let i = 0; i < 5; i++) console.log(await page.evaluate(timeEdit, { selector: `[id="${id}"]`, value: String(200 + i), expected: String(200 + i) }));
} else {
  const box = (await page.getByLabel(`${title} layer`, { exact: true }).locator('.layer-node-header').boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + 10);
  await page.mouse.down();
  await cdp.send('Profiler.start');
  await page.evaluate(startFrames);
  for (let s = 1; s < 60; s++) { await page.evaluate(nextFrame); await page.mouse.move(box.x + 20 + s * 3, box.y + 10 + s); }
  const f = await page.evaluate(stopFrames);
  const d = f.slice(1).map((t, i) => t - f[i]).sort((a, b) => a - b);
  console.log('frames', d.length, 'median', d[d.length >> 1], 'p90', d[Math.floor(d.length * 0.9)], 'max', d.at(-1));
  await page.mouse.up();
}
const { profile } = await cdp.send('Profiler.stop');
const self = new Map<string, number>();
const total = profile.timeDeltas!.reduce((a, b) => a + b, 0);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const counts = new Map<number, number>();
for (const s of profile.samples!) counts.set(s, (counts.get(s) ?? 0) + 1);
for (const [id, c] of counts) {
  const n = byId.get(id)!;
  const key = `${n.callFrame.functionName || '(anon)'} :${n.callFrame.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + c);
}
const samples = profile.samples!.length;
console.log('total ms', total / 1000, 'samples', samples);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log((100 * v / samples).toFixed(1) + '%', k);
// inclusive time per function name
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const incl = new Map<string, number>();
for (const [id, c] of counts) {
  const names = new Set<string>();
  let at: number | undefined = id;
  while (at !== undefined) { const n = byId.get(at)!; names.add(`${n.callFrame.functionName || '(anon)'} :${n.callFrame.lineNumber}`); at = parent.get(at); }
  for (const k of names) incl.set(k, (incl.get(k) ?? 0) + c);
}
console.log('--- inclusive');
for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 60)) console.log((100 * v / samples).toFixed(1) + '%', k);
await browser.close();
await served.stop();
