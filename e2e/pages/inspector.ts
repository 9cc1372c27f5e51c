import type { Locator, Page } from '@playwright/test';

/** The inspector on the right: the selected layer's form, shape, counts and problems. */
export class InspectorPage {
  readonly root: Locator;
  readonly title: Locator;
  readonly outputShape: Locator;
  readonly problems: Locator;

  constructor(page: Page) {
    this.root = page.getByRole('complementary', { name: 'Inspector' });
    this.title = this.root.getByRole('heading', { level: 2 });
    this.outputShape = this.root.getByTestId('inspector-shape');
    this.problems = this.root.getByRole('list', { name: 'Problems with this layer' });
  }

  /** A parameter's control, by the parameter's name (`units`, `activation`). */
  field(name: string): Locator {
    return this.root.getByLabel(name, { exact: true });
  }

  /** Types a number into a parameter, as a person would: select what is there and type over it. */
  async setNumber(name: string, value: number): Promise<void> {
    await this.field(name).fill(String(value));
  }

  async choose(name: string, option: string): Promise<void> {
    await this.field(name).selectOption(option);
  }
}
