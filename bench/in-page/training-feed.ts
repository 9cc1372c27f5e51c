/// <reference lib="dom" />
// Code that runs inside the page: training events delivered on the app's own WebSocket, as if
// `strata serve` had sent them, so they take the app's whole path (frame parsing, the event
// listener, the training store, React, recharts) with nothing in the renderer changed.

declare global {
  interface Window {
    /** Every WebSocket the page opened, kept by `keepSockets`. */
    __sockets?: WebSocket[];
  }
}

/** What one feed delivers: batch events `from`, `from + 1`, … of run `runId`. */
export interface FeedArgs {
  runId: string;
  /** The first step sent. */
  from: number;
  count: number;
  /** As the run's `started` event said, so that epochs and steps agree. */
  stepsPerEpoch: number;
}

/** Init script: keeps each WebSocket the app opens, so events can be delivered on it. */
export function keepSockets(): void {
  const Native = window.WebSocket;
  const sockets: WebSocket[] = [];
  window.__sockets = sockets;
  window.WebSocket = class extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      sockets.push(this);
    }
  };
}

/**
 * Delivers batch events on the app's socket: at `perSecond`, each in its own task as a socket
 * delivers them; without a rate, `perTask` of them in each task as fast as the page takes them
 * (to fill a run in bulk). Resolves with how many were delivered and over how many ms.
 */
export function feedBatches(
  args: FeedArgs & { perTask?: number; perSecond?: number },
): Promise<{ sent: number; ms: number }> {
  const socket = window.__sockets?.at(-1);
  if (!socket) throw new Error('The app opened no WebSocket: was keepSockets added first?');
  // Deterministic noise, so the lines are as jagged as real training curves and runs repeat.
  const noise = (step: number) => {
    const x = Math.sin(step * 12.9898) * 43758.5453;
    return x - Math.floor(x) - 0.5;
  };
  const deliver = (step: number) => {
    const decay = Math.exp(-step / 40_000);
    const event = {
      type: 'batch',
      epoch: 1 + Math.floor((step - 1) / args.stepsPerEpoch),
      step,
      batches: 1,
      loss: 0.1 + 2.2 * decay + 0.3 * decay * noise(step),
      metrics: { accuracy: 0.98 - 0.88 * decay + 0.05 * noise(step + 1) },
      learningRate: 0.001 * 0.5 ** Math.floor(step / 50_000),
      samplesPerSecond: 2_000 + 200 * noise(step + 2),
    };
    const frame = JSON.stringify({
      event: 'main:training.event',
      payload: { runId: args.runId, event },
    });
    socket.dispatchEvent(new MessageEvent('message', { data: frame }));
  };
  const start = performance.now();
  const end = args.from + args.count;
  let next = args.from;
  let delivered = 0;
  return new Promise((resolve) => {
    const done = () => resolve({ sent: delivered, ms: performance.now() - start });
    // A socket hands each frame to the page as its own task: so does this channel.
    const channel = new MessageChannel();
    channel.port1.onmessage = ({ data }: MessageEvent<number>) => {
      deliver(data);
      if (++delivered === args.count) {
        channel.port1.close();
        done();
      }
    };
    const tick = () => {
      const due = args.perSecond
        ? args.from + Math.floor(((performance.now() - start) * args.perSecond) / 1000)
        : next + (args.perTask ?? 1);
      if (args.perSecond) for (; next < Math.min(end, due); next++) channel.port2.postMessage(next);
      else for (; next < Math.min(end, due); next++, delivered++) deliver(next);
      if (!args.perSecond && delivered === args.count) done();
      else if (next < end) setTimeout(tick, args.perSecond ? 1000 / args.perSecond : 0);
    };
    tick();
  });
}
