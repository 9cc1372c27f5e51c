import { parentPort } from 'node:worker_threads';
import { RunControl } from './control.js';
import { runJob } from './job.js';
import type { TrainerCommand, TrainerReply } from './protocol.js';

/** The trainer's thread: runs one job and obeys pause, resume and stop between batches. */
const port = parentPort;
if (!port) throw new Error('worker.ts runs as a worker thread');
const control = new RunControl();
const reply = (message: TrainerReply) => port.postMessage(message);

port.on('message', (command: TrainerCommand) => {
  switch (command.type) {
    case 'start':
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
