import { expect, type Locator, type Page } from '@playwright/test';

/** The graph canvas: layer nodes, their handles, and the shape labels on the edges. */
export class CanvasPage {
  readonly root: Locator;
  readonly nodes: Locator;
  /** Every edge's tensor-shape label, in the order the edges were drawn. */
  readonly edgeShapes: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('canvas');
    this.nodes = this.root.getByTestId('layer-node');
    this.edgeShapes = this.root.getByTestId('edge-shape');
  }

  /** A layer node by its title (its name, else its kind's label). */
  node(title: string): Locator {
    return this.root.getByLabel(`${title} layer`, { exact: true });
  }

  /** The error/warning count badge on a node. */
  problemBadge(title: string): Locator {
    return this.node(title).getByTestId('diagnostic-badge');
  }

  /** The output shape printed in a node's footer. */
  nodeShape(title: string): Locator {
    return this.node(title).getByTestId('node-shape');
  }

  /** Where an element (the canvas itself by default) is on screen. */
  async box(
    of: Locator = this.root,
  ): Promise<{ x: number; y: number; width: number; height: number }> {
    await expect(of).toBeVisible();
    const box = await of.boundingBox();
    if (!box) throw new Error(`${of.toString()} has no box on screen.`);
    return box;
  }

  /** Waits until the view stops moving (fit view and auto layout animate it briefly). */
  async settled(): Promise<void> {
    const viewport = this.root.locator('.react-flow__viewport');
    let last: string | null = null;
    await expect
      .poll(
        async () => {
          const now = await viewport.getAttribute('style');
          const still = now === last;
          last = now;
          return still;
        },
        { intervals: [50], message: 'the canvas view kept moving' },
      )
      .toBe(true);
  }

  /** Selects a node by clicking its title bar. */
  async select(title: string): Promise<void> {
    await this.node(title).locator('.layer-node-header').click();
    await expect(this.node(title)).toHaveClass(/\bselected\b/);
  }

  /**
   * Draws an edge the way a person does: press on `from`'s output handle, move to `to`'s input
   * handle, release.
   */
  async connect(from: string, to: string, port = 'input'): Promise<void> {
    const source = this.root.getByLabel(`${from} output`, { exact: true });
    const target = this.root.getByLabel(`${to} ${port}`, { exact: true });
    const a = await centre(source);
    const b = await centre(target);
    await this.page.mouse.move(a.x, a.y);
    await this.page.mouse.down();
    await this.page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
    await this.page.mouse.move(b.x, b.y, { steps: 5 });
    await this.page.mouse.up();
  }

  /** Opens the right-click menu on a node by title, on an edge's shape label, or on the canvas. */
  async contextMenu(target: Locator = this.root.locator('.react-flow__pane')): Promise<void> {
    const box = await this.box(target);
    // On the empty pane, a corner well away from any node; elsewhere the element's middle.
    const onPane = await target.evaluate((e) => e.classList.contains('react-flow__pane'));
    const x = onPane ? box.x + 12 : box.x + box.width / 2;
    const y = onPane ? box.y + 12 : box.y + box.height / 2;
    await this.page.mouse.click(x, y, { button: 'right' });
  }

  /** Where each node sits in flow coordinates (independent of zoom and pan), by title. */
  async positions(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const node of await this.nodes.all()) {
      const title = (await node.getAttribute('aria-label')) ?? '?';
      // React Flow places each node with a translate on its wrapper, in flow units.
      const wrapper = node.locator('xpath=ancestor::div[contains(@class,"react-flow__node")][1]');
      out[title] = (await wrapper.getAttribute('style'))?.match(/translate\([^)]*\)/)?.[0] ?? '';
    }
    return out;
  }
}

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  await expect(locator).toBeVisible();
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator.toString()} has no box on screen.`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}
