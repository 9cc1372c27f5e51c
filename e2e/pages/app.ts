import { expect, type Dialog, type Locator, type Page, type TestInfo } from '@playwright/test';
import { CanvasPage } from './canvas.js';
import { InspectorPage } from './inspector.js';
import { PalettePage } from './palette.js';
import { ProblemsPage } from './problems.js';

/** The whole app in the browser: start page, toolbar, dialogs, status bar, and the panels. */
export class AppPage {
  readonly palette: PalettePage;
  readonly canvas: CanvasPage;
  readonly inspector: InspectorPage;
  readonly problems: ProblemsPage;
  readonly toolbar: Locator;
  readonly totalParams: Locator;
  readonly saveState: Locator;
  readonly title: Locator;

  constructor(
    readonly page: Page,
    private readonly url: string,
  ) {
    this.palette = new PalettePage(page);
    this.canvas = new CanvasPage(page);
    this.inspector = new InspectorPage(page);
    this.problems = new ProblemsPage(page);
    this.toolbar = page.getByRole('toolbar', { name: 'Editor toolbar' });
    this.totalParams = page.getByTestId('total-params');
    this.saveState = page.getByTestId('save-state');
    this.title = page.getByTestId('document-title');
  }

  /** Opens the URL `strata serve` printed and waits until the app says it is ready. */
  async open(): Promise<void> {
    await this.page.goto(this.url);
    await this.ready();
  }

  /**
   * Reloads the page, as a person pressing F5 would; when the browser asks whether to leave
   * unsaved work, leaves (the recovery copy keeps it). Returns whether it asked.
   */
  async reload(): Promise<boolean> {
    let asked = false;
    const leave = (dialog: Dialog) => {
      asked ||= dialog.type() === 'beforeunload';
      void dialog.accept();
    };
    this.page.on('dialog', leave);
    try {
      await this.page.reload();
    } finally {
      this.page.off('dialog', leave);
    }
    await this.ready();
    return asked;
  }

  private async ready(): Promise<void> {
    await expect(this.page.locator('[data-app-state]')).toHaveAttribute('data-app-state', 'loaded');
  }

  /** The start page's heading, or one of its buttons. */
  startButton(name: string): Locator {
    return this.page.getByRole('main', { name: 'Start' }).getByRole('button', { name });
  }

  async startBlank(): Promise<void> {
    await this.startButton('New blank project').click();
    await expect(this.canvas.root).toBeVisible();
  }

  async openTemplate(title: string): Promise<void> {
    await this.startButton(title).click();
    await expect(this.canvas.root).toBeVisible();
  }

  tool(name: string): Locator {
    return this.toolbar.getByRole('button', { name, exact: true });
  }

  dialog(title: string): Locator {
    return this.page.getByRole('dialog', { name: title });
  }

  /** A right-click menu on screen. */
  menu(name: string): Locator {
    return this.page.getByRole('menu', { name });
  }

  /** A side panel's resize handle and collapse button, by the panel's title. */
  panelResizer(title: string): Locator {
    return this.page.getByRole('separator', { name: `Resize ${title}` });
  }

  /** A message in the corner (refused connections, failures). */
  alert(text: string | RegExp): Locator {
    return this.page.getByRole('alert').filter({ hasText: text });
  }

  /** Saves through the in-app dialog `strata serve` shows instead of a native one. */
  async saveAs(fileName: string): Promise<void> {
    await this.tool('Save').click();
    const dialog = this.dialog('Save project as');
    await dialog.getByLabel('File name').fill(fileName);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.saveState).toHaveText(fileName);
  }

  /** Opens a project file through the start page's in-app file picker. */
  async openFile(fileName: string): Promise<void> {
    await this.startButton('Open…').click();
    await this.dialog('Open project').getByRole('button', { name: fileName }).click();
    await expect(this.canvas.root).toBeVisible();
    await expect(this.saveState).toHaveText(fileName);
  }

  /** Attaches a screenshot of the whole window to the test's report. */
  async snapshot(testInfo: TestInfo, name: string): Promise<void> {
    await testInfo.attach(name, { body: await this.page.screenshot(), contentType: 'image/png' });
  }
}
