import { describeBackends } from '../backends/report.js';
import { RunControl } from './control.js';
import { runJob } from './job.js';
import type { TrainerCommand, TrainerReply } from './protocol.js';

/**
 * The trainer's end of the link, shared by the worker thread and the utility process: runs one
 * job and obeys pause, resume and stop, which take effect between batches; or reports which
 * backend this machine would train on.
 */
export function obeyCommands(
  reply: (message: TrainerReply) => void,
): (command: TrainerCommand) => void {
  const control = new RunControl();
  let started = false;
  return (command) => {
    switch (command.type) {
      case 'start':
        // One job per trainer: the launcher starts a fresh one for every run.
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
      case 'describe-backends':
        void describeBackends().then((report) => reply({ type: 'backends', report }));
        break;
    }
  };
}
