import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type Browser } from '@playwright/test';
import { TrainPage } from '../pages/train.js';

/**
 * The installed app itself, as the release workflow builds it on each OS: open a project made
 * from a template, train a few batches, export. STRATA_APP names the packaged executable.
 *
 * Playwright's `_electron.launch` drives Electron's main process through `--inspect`, which the
 * shipped fuses turn off (scripts/after-pack.mjs), so this test starts the real binary with
 * Chromium's `--remote-debugging-port` and connects to its window over CDP instead: the app
 * under test is byte for byte the one that ships.
 */
const executable = process.env.STRATA_APP ?? '';
const port = 9333;
let app: ChildProcess | undefined;
let browser: Browser | undefined;
let folder = '';

test.beforeAll(() => {
  if (!existsSync(executable)) throw new Error(`STRATA_APP=${executable} is not an executable`);
  folder = mkdtempSync(join(tmpdir(), 'strata-smoke-'));
  // The project comes from a template through the CLI: a file the app opens on its command
  // line, as a double-click does, so that no native save dialog is needed.
  const made = spawnSync(
    process.execPath,
    ['bin/strata.mjs', 'new', '--template', 'mnist-cnn', join(folder, 'digits.strata')],
    { encoding: 'utf8' },
  );
  expect(made.status, made.stderr).toBe(0);
});

test.afterAll(async () => {
  await browser?.close().catch(() => undefined);
  app?.kill();
  rmSync(folder, { recursive: true, force: true });
});

test('open a template project, train a few batches, export it', async () => {
  const args = [join(folder, 'digits.strata'), `--remote-debugging-port=${port}`];
  // CI's Linux runners have no setuid sandbox helper in an unpacked app.
  if (process.platform === 'linux') args.push('--no-sandbox');
  app = spawn(executable, args, { stdio: 'inherit' });
  browser = await connect(`http://127.0.0.1:${port}`);
  const context = browser.contexts()[0];
  const window = context.pages()[0] ?? (await context.waitForEvent('page'));
  await expect(window.locator('[data-app-state]')).toHaveAttribute('data-app-state', 'loaded');
  await expect(window.getByTestId('save-state')).toHaveText('digits.strata');

  const train = new TrainPage(window);
  await train.open();
  await train.setNumber('Epochs', 1);
  await train.setNumber('Batch size', 32);
  await train.setNumber('Batches per epoch', 3);
  await train.button('Train').click();
  await train.expectStatus('finished');

  await window
    .getByRole('toolbar', { name: 'Editor toolbar' })
    .getByRole('button', { name: 'Export…', exact: true })
    .click();
  const dialog = window.getByRole('dialog', { name: 'Export model' });
  await dialog.getByRole('radio', { name: /^TensorFlow\.js/ }).check();
  await dialog.getByRole('button', { name: 'Export' }).click();
  await expect(dialog.getByTestId('export-result')).toContainText('digits-tfjs');
  const exported = readdirSync(join(folder, 'digits-tfjs'));
  expect(exported).toContain('model.json');
  expect(exported).toContain('weights.bin');
});

/** Connects to the app's Chromium once it listens (it takes a few seconds to start). */
async function connect(url: string): Promise<Browser> {
  let connected: Browser | undefined;
  await expect
    .poll(
      async () => {
        connected = await chromium.connectOverCDP(url).catch(() => undefined);
        return connected !== undefined;
      },
      { timeout: 60_000 },
    )
    .toBe(true);
  return connected!;
}
