import { parentPort } from 'node:worker_threads';
import { obeyCommands } from './obey.js';
import type { TrainerCommand } from './protocol.js';

/** The trainer's thread (plain Node and the CLI). */
const port = parentPort;
if (!port) throw new Error('worker.ts runs as a worker thread');
const obey = obeyCommands((message) => port.postMessage(message));
port.on('message', (command: TrainerCommand) => obey(command));
