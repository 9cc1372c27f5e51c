import type { Locator, Page } from '@playwright/test';

/** The inspector on the right: the selected layer's form, shape, counts and problems. */
export class InspectorPage {
  readonly root: Locator;
  readonly title: Locator;
  readonly outputShape: Locator;
  readonly problems: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByRole('complementary', { name: 'Inspector' });
    this.title = this.root.getByRole('heading', { level: 2 });
    this.outputShape = this.root.getByTestId('inspector-shape');
    this.problems = this.root.getByRole('list', { name: 'Problems with this layer' });
  }

  /** A parameter's control, by the parameter's name (`units`, `activation`). */
  field(name: string): Locator {
    return this.root.getByLabel(name, { exact: true });
  }

  /** Types a number into a parameter, as a person would: type over what is there, press Enter. */
  async setNumber(name: string, value: number | string): Promise<void> {
    await this.field(name).fill(String(value));
    await this.field(name).press('Enter');
  }

  /** The message shown under a parameter whose typed value was refused. */
  error(name: string): Locator {
    return (
      this.root
        .locator('.param-field')
        // `has` is matched inside each field, so it starts from the page, not from the inspector.
        .filter({ has: this.page.getByLabel(name, { exact: true }) })
        .getByRole('alert')
    );
  }

  async choose(name: string, option: string): Promise<void> {
    await this.field(name).selectOption(option);
  }
}
