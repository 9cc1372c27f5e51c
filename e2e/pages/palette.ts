import type { Locator, Page } from '@playwright/test';

/** The layer palette on the left: search and drag layers out of it. */
export class PalettePage {
  readonly root: Locator;

  constructor(page: Page) {
    this.root = page.getByRole('complementary', { name: 'Layer palette' });
  }

  /** The palette entry of a layer kind, by its label (`Conv2D`, `MaxPool2D`). */
  item(label: string): Locator {
    return this.root.getByRole('button', { name: label, exact: true });
  }

  /** Drags a layer onto the canvas with a real HTML5 drag and drop, dropping it at `at`. */
  async drag(label: string, canvas: Locator, at: { x: number; y: number }): Promise<void> {
    await this.item(label).dragTo(canvas, { targetPosition: at });
  }

  /** Adds a layer the keyboard-and-mouse way: double-click drops it in the middle of the view. */
  async add(label: string): Promise<void> {
    await this.item(label).dblclick();
  }
}
