import { RunControl } from './control.js';
import { runJob } from './job.js';
import type { TrainerCommand, TrainerReply } from './protocol.js';

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
const control = new RunControl();
const reply = (message: TrainerReply) => port.postMessage(message);
let started = false;

port.on('message', ({ data }) => {
  const command = data as TrainerCommand;
  switch (command.type) {
    case 'start':
      // One job per process: the launcher forks a fresh process for every run.
      if (started) return;
      started = true;
      void runJob(command.spec, control, (event) => reply({ type: 'event', event })).then(
        (outcome) => reply({ type: 'done', outcome }),
      );
      break;
    case 'pause':
      control.pause();
      break;
    case 'resume':
      control.resume();
      break;
    case 'stop':
      control.stop();
      break;
  }
});
