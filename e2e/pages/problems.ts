import type { Locator, Page } from '@playwright/test';

/** The problems list under the canvas, opened from the status bar's error count. */
export class ProblemsPage {
  readonly root: Locator;
  readonly items: Locator;
  /** The status bar button that reads `1 error, 0 warnings` and toggles the list. */
  readonly summary: Locator;

  constructor(page: Page) {
    this.root = page.getByRole('region', { name: 'Problems' });
    this.items = this.root.getByRole('listitem');
    this.summary = page
      .getByRole('status', { name: 'Status' })
      .getByRole('button', { name: /errors?, \d+ warnings?/ });
  }

  /** Opens the list, if it is closed. */
  async open(): Promise<void> {
    if ((await this.summary.getAttribute('aria-pressed')) !== 'true') await this.summary.click();
  }
}
