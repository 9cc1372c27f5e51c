/// <reference lib="dom" />
// Code that runs inside the page: the edit-to-shapes timer (frame timestamps are in frames.ts).

/**
 * Types `value` into the number field `selector` and presses Enter (number fields commit on
 * Enter), then times how long until an edge label reads `expected` (the DOM updated) and until
 * the frame that paints it begins.
 */
export function timeEdit(args: {
  selector: string;
  value: string;
  expected: string;
}): Promise<{ dom: number; frame: number }> {
  const input = document.querySelector<HTMLInputElement>(args.selector);
  const labels = document.querySelector('.react-flow__edgelabel-renderer');
  if (!input || !labels) throw new Error(`No ${args.selector} or no edge labels on the page.`);
  const shows = () =>
    [...labels.querySelectorAll('[data-testid="edge-shape"]')].some(
      (l) => l.textContent === args.expected,
    );
  return new Promise((resolve) => {
    let start = 0;
    const observer = new MutationObserver(() => {
      if (!shows()) return;
      const dom = performance.now() - start;
      observer.disconnect();
      requestAnimationFrame(() => resolve({ dom, frame: performance.now() - start }));
    });
    observer.observe(labels, { subtree: true, childList: true, characterData: true });
    // React tracks the input's value through the prototype setter; set it the way typing does.
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    setValue?.call(input, args.value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    start = performance.now();
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  });
}

/**
 * Milliseconds from now until `count` elements match `selector` and, when given, `also` matches
 * something (checked every frame).
 */
export function timeUntilMounted(args: {
  selector: string;
  count: number;
  also?: string;
}): Promise<number> {
  const start = performance.now();
  return new Promise((resolve) => {
    const check = () => {
      if (
        document.querySelectorAll(args.selector).length >= args.count &&
        (!args.also || document.querySelector(args.also))
      ) {
        resolve(performance.now() - start);
      } else {
        requestAnimationFrame(check);
      }
    };
    check();
  });
}
