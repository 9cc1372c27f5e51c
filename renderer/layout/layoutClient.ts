import { autoLayout, type LayoutInput, type Positions } from './autoLayout.js';

type Reply = { id: number; positions?: [string, { x: number; y: number }][]; error?: string };

let worker: Worker | null | undefined;
let nextId = 1;
const waiting = new Map<number, { resolve(p: Positions): void; reject(e: Error): void }>();

/** The layout worker, started on first use; `null` where workers cannot start (then: inline). */
function layoutWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<Reply>) => {
      const { id, positions, error } = event.data;
      const entry = waiting.get(id);
      waiting.delete(id);
      if (error !== undefined) entry?.reject(new Error(error));
      else entry?.resolve(new Map(positions));
    };
    worker.onerror = (event) => {
      // A worker that fails to load (an old shell, a file:// quirk) gives way to the inline path.
      event.preventDefault();
      worker?.terminate();
      worker = null;
      for (const entry of waiting.values()) entry.reject(new Error('layout worker failed'));
      waiting.clear();
    };
  } catch {
    worker = null;
  }
  return worker;
}

/**
 * Lays a graph out in a Web Worker so a large model does not freeze the editor while ELK works;
 * runs inline where no worker can start.
 */
export async function layoutOffThread(input: LayoutInput): Promise<Positions> {
  const target = layoutWorker();
  if (!target) return autoLayout(input);
  const id = nextId++;
  try {
    return await new Promise<Positions>((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      target.postMessage({ id, input });
    });
  } catch (error) {
    if (worker === null) return autoLayout(input);
    throw error;
  }
}
