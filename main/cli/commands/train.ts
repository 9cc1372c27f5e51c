import type { TrainingEvent } from '../../../shared/api/training-events.js';
import { describeResume, type ResumedFrom } from '../../../shared/training/resume-text.js';
import { trainingSettingsSchema } from '../../../shared/training/settings.js';
import { startTraining, type TrainingHandle } from '../../engine/trainer/session.js';
import { createRun, RunRecorder } from '../../services/runs/runs.js';
import { trainingProblems } from '../../services/training/preflight.js';
import { resumableRun } from '../../services/training/resumable.js';
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
  // Refused before a run folder is made, so a failed start leaves nothing behind.
  const problems = trainingProblems(project, dataset);
  if (problems.length > 0) {
    io.err(`strata: cannot train ${file} on "${dataset}":`);
    for (const problem of problems) io.err(`  ${problem}`);
    return EXIT.failed;
  }
  let run: { runId: string; dir: string };
  if (options.resume !== undefined) {
    // Checked before anything is written, so a refused resume leaves the run as it was.
    const resumable = await resumableRun(file, options.resume);
    if (!resumable.ok) {
      io.err(`strata: ${resumable.error.message}`);
      return EXIT.failed;
    }
    run = resumable.result;
  } else {
    run = await createRun(file, {
      dataset,
      declared: project.datasets?.find((d) => d.id === dataset),
      settings,
      backend: options.backend,
    });
  }
  const resumed = options.resume !== undefined;
  const recorder = new RunRecorder(run.dir, { fresh: !resumed, resumed });
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
      resume: resumed,
      batchesPerEpoch: options.batchesPerEpoch,
    },
    (event) => {
      recorder.record(event);
      progress.show(event);
    },
  );
  onStart(handle);
  const outcome = await handle.done;
  const kept = await recorder.settle();
  if (kept === 'kept') io.out(`run ${run.runId} ${outcome}: ${run.dir}`);
  else if (kept === 'unchanged') io.err(`run ${run.runId} was left as it was`);
  else io.err('nothing was kept: the run failed before it started');
  return outcome === 'failed' ? EXIT.failed : EXIT.ok;
}

const fixed = (value: number) => (Math.abs(value) >= 100 ? value.toFixed(1) : value.toFixed(4));
const figures = (prefix: string, values: Record<string, number>) =>
  Object.entries(values).map(([k, v]) => `${prefix}${k} ${fixed(v)}`);

/** Turns the event stream into terminal lines: a live bar on a terminal, one line per epoch. */
class ProgressPrinter {
  private epochs = 0;
  private stepsPerEpoch = 0;
  /** The step the current epoch began at, when the run started (or resumed). */
  private epochStartStep = 0;

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
        this.epochStartStep = (event.resumedFrom?.step ?? 0) - (event.resumedFrom?.batch ?? 0);
        io.out(
          `training on ${event.backend} (${event.backendDetail ? `${event.backendDetail}; ` : ''}${event.backendReason}); ` +
            `${event.params.trainable.toLocaleString('en-US')} trainable parameters; ` +
            `${event.dataset.train} train / ${event.dataset.validation} validation examples`,
        );
        if (event.resumedFrom) this.resumed(event.resumedFrom);
        break;
      case 'batch':
        if (this.live) process.stderr.write(`\r${this.bar(event)}`);
        break;
      case 'epoch': {
        if (this.live) process.stderr.write('\r\x1b[K');
        const parts = [...figures('', event.train), ...figures('val_', event.validation)];
        // On a terminal and off it alike: throughput over training time, validation left out.
        const rate =
          event.samplesPerSecond === undefined
            ? ''
            : `, ${Math.round(event.samplesPerSecond)} samples/s`;
        io.out(
          `epoch ${event.epoch}/${this.epochs}  ${parts.join('  ')}  (${event.seconds.toFixed(1)} s${rate})`,
        );
        break;
      }
      case 'generated':
        if (event.text) io.out(`sample: ${event.text.replace(/\s+/g, ' ')}`);
        break;
      case 'test':
        io.out(
          `test set, ${event.examples} examples  ${figures('test_', event.metrics).join('  ')}`,
        );
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

  /** Where the run continues from, and each newer checkpoint that had to be passed over. */
  private resumed(from: ResumedFrom): void {
    const { resumed, skipped } = describeResume(from);
    for (const line of skipped) this.io.err(`warning: ${line}`);
    this.io.out(resumed);
  }

  private bar(event: Extract<TrainingEvent, { type: 'batch' }>): string {
    const inEpoch = ((event.step - this.epochStartStep - 1) % Math.max(1, this.stepsPerEpoch)) + 1;
    const width = 24;
    const filled = Math.round((inEpoch / Math.max(1, this.stepsPerEpoch)) * width);
    const bar = `${'='.repeat(filled)}${' '.repeat(width - filled)}`;
    return `epoch ${event.epoch}/${this.epochs} [${bar}] ${inEpoch}/${this.stepsPerEpoch}  loss ${fixed(event.loss)}  ${Math.round(event.samplesPerSecond)} samples/s`;
  }
}
