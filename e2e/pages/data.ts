import { expect, type Locator, type Page } from '@playwright/test';

/** The Data view: the project's datasets and the Add data form with its preview. */
export class DataPage {
  readonly root: Locator;
  readonly form: Locator;
  readonly preview: Locator;
  readonly errors: Locator;
  readonly declared: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('data-view');
    this.form = page.getByRole('form', { name: 'Add data' });
    this.preview = page.getByTestId('data-preview');
    this.errors = page.getByTestId('data-errors');
    this.declared = page.getByTestId('declared-dataset');
  }

  /** Switches the project to its Data tab. */
  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Data' }).click();
    await expect(this.root).toBeVisible();
  }

  /** Picks the kind of data and names it. */
  async start(kind: string, id: string): Promise<void> {
    await this.form.getByLabel('Kind').selectOption({ label: kind });
    await this.form.getByLabel('Dataset id').fill(id);
  }

  /** Types a path (relative to the project) into one of the form's file fields. */
  async path(label: string, value: string): Promise<void> {
    await this.form.getByLabel(label, { exact: true }).fill(value);
  }

  button(name: string): Locator {
    return this.form.getByRole('button', { name, exact: true });
  }
}
