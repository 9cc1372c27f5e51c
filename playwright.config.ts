import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, chromiumMissing } from './e2e/chromium.js';

const ci = !!process.env.CI;
const missing = chromiumMissing();
// In CI a missing browser is a broken machine, not a reason to pass quietly.
if (ci && missing) throw new Error(`End-to-end tests cannot run. ${missing}`);

/** The editor's end-to-end tests: the built renderer in Debian's Chromium against `strata serve`. */
export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './e2e/global-setup.ts',
  forbidOnly: ci,
  retries: ci ? 2 : 0,
  // Each test starts its own server and browser page; two cores are shared with other work.
  workers: ci ? 1 : 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: ci ? [['list'], ['html', { open: 'never' }]] : [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    trace: 'on-first-retry',
    screenshot: 'on',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
});
