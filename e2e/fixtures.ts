import { test as base } from '@playwright/test';
import { chromiumMissing } from './chromium.js';
import { AppPage } from './pages/app.js';
import { serveFolder, type ServedFolder } from './server.js';

interface Fixtures {
  /** Skips the test, saying why, when there is no Chromium (the config fails CI instead). */
  requireChromium: void;
  /** `strata serve` on a temporary folder of this test's own. */
  served: ServedFolder;
  /** The app, opened at the served URL and ready (`data-app-state="loaded"`). */
  app: AppPage;
}

/** Strata's test: every test gets its own server, folder and loaded app. */
export const test = base.extend<Fixtures>({
  requireChromium: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the pattern (no dependencies).
    async ({}, use, testInfo) => {
      const missing = chromiumMissing();
      testInfo.skip(missing !== undefined, `Skipped: ${missing}`);
      await use();
    },
    { auto: true },
  ],
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the pattern (no dependencies).
  served: async ({}, use) => {
    const served = await serveFolder();
    try {
      await use(served);
    } finally {
      await served.stop();
    }
  },
  app: async ({ page, served }, use) => {
    const app = new AppPage(page, served.url);
    await app.open();
    await use(app);
  },
});

export { expect } from '@playwright/test';
