import { defineConfig } from '@playwright/test';

/**
 * The packaged app's smoke test (e2e/packaged/*.smoke.ts), run by .github/workflows/release.yml
 * on each OS against the app it has just built (STRATA_APP). Not part of `npm run e2e`, whose
 * config only takes *.spec.ts: there is no Electron binary to package here.
 */
export default defineConfig({
  testDir: './e2e/packaged',
  testMatch: '**/*.smoke.ts',
  forbidOnly: true,
  retries: 1,
  workers: 1,
  timeout: 180_000,
  expect: { timeout: 60_000 },
  reporter: [['list'], ['html', { open: 'never' }]],
  use: { trace: 'on-first-retry' },
});
