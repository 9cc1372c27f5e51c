import { obeyCommands } from './obey.js';
import type { TrainerCommand } from './protocol.js';

/**
 * The trainer as its own process (an Electron utility process): the same protocol as the
 * worker thread, over `process.parentPort`, so a crash or an out-of-memory in training takes
 * down this process only, never the app's main process.
 */
interface ParentPortLike {
  on(event: 'message', listener: (message: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

const port = (process as { parentPort?: ParentPortLike }).parentPort;
if (!port) throw new Error('process-entry runs as a utility process, with process.parentPort');
const obey = obeyCommands((message) => port.postMessage(message));
port.on('message', ({ data }) => obey(data as TrainerCommand));
