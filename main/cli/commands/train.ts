import { join } from 'node:path';
import type { TrainingEvent } from '../../../shared/api/training-events.js';
import { trainingSettingsSchema } from '../../../shared/training/settings.js';
import { startTraining, type TrainingHandle } from '../../engine/trainer/session.js';
import { createRun, RunRecorder, runsFolder } from '../../services/runs/runs.js';
import { EXIT, type CliIo } from '../io.js';
import { openProject } from '../open.js';

export interface TrainOptions {
  dataset?: string;
  epochs?: number;
  batchSize?: number;
  backend?: string;
  batchesPerEpoch?: number;
  /** Continue this run from its newest checkpoint. */
  resume?: string;
  /** Draw a live progress bar (a terminal); otherwise only per-epoch lines. */
  progress?: boolean;
}

/**
 * `strata train <project>`: trains the project's recipe on a worker thread, shows progress and
 * per-epoch metrics, and keeps the run beside the project. Interrupting stops after the batch.
 */
export async function trainCommand(
  file: string,
  options: TrainOptions,
  io: CliIo,
  onStart: (handle: TrainingHandle) => void = () => {},
): Promise<number> {
  const project = await openProject(file, io);
  if (!project) return EXIT.failed;
  const parsed = trainingSettingsSchema.safeParse({
    ...project.recipe,
    ...(options.epochs === undefined ? {} : { epochs: options.epochs }),
    ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
  });
  if (!parsed.success) {
    io.err(
      `strata: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
    return EXIT.usage;
  }
  const settings = parsed.data;
  const dataset = options.dataset ?? project.recipe.dataset;
  const run = options.resume
    ? { runId: options.resume, dir: join(runsFolder(file), options.resume) }
    : await createRun(file, {
        dataset,
        declared: project.datasets?.find((d) => d.id === dataset),
        settings,
        backend: options.backend,
      });
  const recorder = new RunRecorder(run.dir);
  const progress = new ProgressPrinter(io, options.progress ?? false);

  const handle = startTraining(
    {
      runId: run.runId,
      project,
      settings,
      dataset,
      backend: options.backend,
      runDir: run.dir,
      projectFile: file,
      resume: options.resume !== undefined,
      batchesPerEpoch: options.batchesPerEpoch,
    },
    (event) => {
      recorder.record(event);
      progress.show(event);
    },
  );
  onStart(handle);
  const outcome = await handle.done;
  await recorder.flush();
  io.out(`run ${run.runId} ${outcome}: ${run.dir}`);
  return outcome === 'failed' ? EXIT.failed : EXIT.ok;
}

const fixed = (value: number) => (Math.abs(value) >= 100 ? value.toFixed(1) : value.toFixed(4));
const figures = (prefix: string, values: Record<string, number>) =>
  Object.entries(values).map(([k, v]) => `${prefix}${k} ${fixed(v)}`);

/** Turns the event stream into terminal lines: a live bar on a terminal, one line per epoch. */
class ProgressPrinter {
  private epochs = 0;
  private stepsPerEpoch = 0;
  private firstStep = 0;

  constructor(
    private readonly io: CliIo,
    private readonly live: boolean,
  ) {}

  show(event: TrainingEvent): void {
    const { io } = this;
    switch (event.type) {
      case 'started':
        this.epochs = event.epochs;
        this.stepsPerEpoch = event.stepsPerEpoch;
        this.firstStep = event.resumedFrom?.step ?? 0;
        io.out(
          `training on ${event.backend} (${event.backendReason}); ` +
            `${event.params.trainable.toLocaleString('en-US')} trainable parameters; ` +
            `${event.dataset.train} train / ${event.dataset.validation} validation examples`,
        );
        if (event.resumedFrom) io.out(`resuming after epoch ${event.resumedFrom.epoch}`);
        break;
      case 'batch':
        if (this.live) process.stderr.write(`\r${this.bar(event)}`);
        break;
      case 'epoch': {
        if (this.live) process.stderr.write('\r\x1b[K');
        const parts = [...figures('', event.train), ...figures('val_', event.validation)];
        io.out(
          `epoch ${event.epoch}/${this.epochs}  ${parts.join('  ')}  (${event.seconds.toFixed(1)} s)`,
        );
        break;
      }
      case 'generated':
        if (event.text) io.out(`sample: ${event.text.replace(/\s+/g, ' ')}`);
        break;
      case 'checkpoint':
        break;
      case 'stopped':
        io.out(`stopped: ${event.reason}`);
        break;
      case 'failed':
        io.err(`training failed: ${event.reason}`);
        break;
      default:
        break;
    }
  }

  private bar(event: Extract<TrainingEvent, { type: 'batch' }>): string {
    const inEpoch = ((event.step - this.firstStep - 1) % Math.max(1, this.stepsPerEpoch)) + 1;
    const width = 24;
    const filled = Math.round((inEpoch / Math.max(1, this.stepsPerEpoch)) * width);
    const bar = `${'='.repeat(filled)}${' '.repeat(width - filled)}`;
    return `epoch ${event.epoch}/${this.epochs} [${bar}] ${inEpoch}/${this.stepsPerEpoch}  loss ${fixed(event.loss)}  ${Math.round(event.samplesPerSecond)} samples/s`;
  }
}
