/// <reference lib="dom" />
// Code that runs inside the page: a drag whose every frame carries one mouse move.

/**
 * Moves the mouse (already pressed on a node by the benchmark) out and back in `steps` frames,
 * one `mousemove` per requestAnimationFrame, as a person's drag delivers them. Returns the
 * frame intervals (rAF to rAF) and, per frame, the main thread's work: from the move to the
 * first task after that frame was rendered.
 */
export function dragInPage(args: {
  x: number;
  y: number;
  steps: number;
}): Promise<{ intervals: number[]; work: number[] }> {
  const { x, y, steps } = args;
  const intervals: number[] = [];
  const work: number[] = [];
  const channel = new MessageChannel();
  return new Promise((resolve) => {
    let last = 0;
    let step = 0;
    const frame = (now: number) => {
      if (last > 0) intervals.push(now - last);
      last = now;
      if (step === steps) {
        resolve({ intervals, work });
        return;
      }
      step++;
      const t = step <= steps / 2 ? step : steps - step;
      const at = { clientX: x + t * 4, clientY: y + t * 2 };
      const target = document.elementFromPoint(at.clientX, at.clientY) ?? document.body;
      const start = performance.now();
      channel.port1.onmessage = () => work.push(performance.now() - start);
      target.dispatchEvent(
        new MouseEvent('mousemove', { ...at, bubbles: true, buttons: 1, view: window }),
      );
      // A message posted now is handled after this frame's style, layout and paint.
      channel.port2.postMessage(null);
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}
