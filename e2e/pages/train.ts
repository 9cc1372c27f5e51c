import { expect, type Locator, type Page } from '@playwright/test';

/** The Train view: the recipe form, run controls, the dashboard and the project's runs. */
export class TrainPage {
  readonly root: Locator;
  readonly setup: Locator;
  readonly controls: Locator;
  readonly progress: Locator;
  readonly progressBar: Locator;
  readonly lossChart: Locator;
  readonly runs: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('train-view');
    this.setup = page.getByRole('form', { name: 'Training setup' });
    this.controls = page.getByRole('toolbar', { name: 'Run controls' });
    this.progress = page.getByTestId('run-progress');
    this.progressBar = page.getByRole('progressbar', { name: 'Training progress' });
    this.lossChart = page.getByTestId('chart-loss');
    this.runs = page.getByTestId('runs-list').getByRole('listitem');
  }

  /** Switches the project to its Train tab. */
  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Train' }).click();
    await expect(this.root).toBeVisible();
  }

  /** Types a number into one of the recipe's fields and presses Enter (number fields commit then). */
  async setNumber(label: string, value: number): Promise<void> {
    const field = this.setup.getByLabel(label, { exact: true });
    await field.fill(String(value));
    await field.press('Enter');
  }

  /** One run of the list, by its accessible name (`Run <name or start time>`). */
  run(name: string | RegExp): Locator {
    return this.page.getByTestId('runs-list').getByRole('listitem', { name });
  }

  /** Renames a run with its Rename button. */
  async renameRun(name: string | RegExp, newName: string): Promise<void> {
    const run = this.run(name);
    await run.getByRole('button', { name: 'Rename', exact: true }).click();
    await run.getByLabel('Run name').fill(newName);
    await run.getByRole('button', { name: 'Save', exact: true }).click();
  }

  /** Deletes a run, confirming when asked. */
  async deleteRun(name: string | RegExp): Promise<void> {
    const run = this.run(name);
    await run.getByRole('button', { name: 'Delete', exact: true }).click();
    await run.getByRole('button', { name: 'Delete run', exact: true }).click();
  }

  button(name: string): Locator {
    return this.controls.getByRole('button', { name, exact: true });
  }

  /** Waits for the run to report a status (`running`, `paused`, `stopped`…). */
  async expectStatus(status: string): Promise<void> {
    await expect(this.progress).toHaveAttribute('data-status', status);
  }

  /** How far the bar is, in percent. */
  async percent(): Promise<number> {
    return Number(await this.progressBar.getAttribute('aria-valuenow'));
  }

  /** How many loss points the chart draws. */
  async lossPoints(): Promise<number> {
    return Number((await this.lossChart.getAttribute('data-points')) ?? 0);
  }
}
