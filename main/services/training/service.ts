import type { RunListingView } from '../../../shared/api/contract.js';
import { failure } from '../../../shared/api/reply.js';
import type { Reply } from '../../../shared/api/reply.js';
import type { TrainingEvent } from '../../../shared/api/training-events.js';
import type { Project } from '../../../shared/project/schema.js';
import { trainingSettingsSchema } from '../../../shared/training/settings.js';
import type { TrainingHandle } from '../../engine/trainer/session.js';
import { createRun, findRun, listRuns, readRunLog, RunRecorder } from '../runs/runs.js';
import { workerThreadLauncher, type TrainerLauncher } from './launcher.js';
import { listingView } from './listing.js';
import { trainingProblems } from './preflight.js';
import { resumableRun } from './resumable.js';

/** What a run may change from the project's recipe. */
export interface StartOptions {
  dataset?: string;
  backend?: string;
  batchesPerEpoch?: number;
  /** Continue this run of the same project from its newest checkpoint. */
  resumeRunId?: string;
}

interface ActiveRun {
  file: string;
  /** `ended`: a final event arrived; the trainer may still be writing its last files. */
  progress: { ended: boolean };
  handle: TrainingHandle;
  /** Settles once the run ended and its log is on disk. */
  recorded: Promise<void>;
}

const ENDINGS = new Set<TrainingEvent['type']>(['finished', 'stopped', 'failed']);

/**
 * The runs of one session (a window or a browser tab): starts them beside their project,
 * records every event in the run's log, forwards it to the renderer, and stops them all when
 * the session ends. Nothing here depends on whether the renderer is visible.
 */
export class TrainingService {
  private readonly active = new Map<string, ActiveRun>();
  private readonly launch: TrainerLauncher;

  constructor(
    private readonly emit: (runId: string, event: TrainingEvent) => void,
    launch: TrainerLauncher = workerThreadLauncher,
  ) {
    this.launch = launch;
  }

  /** Starts (or resumes) a run of `project`, saved at the absolute path `file`. */
  async start(
    file: string,
    project: Project,
    options: StartOptions,
  ): Promise<Reply<{ runId: string }>> {
    const settings = trainingSettingsSchema.safeParse(project.recipe);
    if (!settings.success) {
      const where = settings.error.issues.map((i) => `recipe.${i.path.join('.')}: ${i.message}`);
      return failure('invalid-project', `Cannot train: ${where.join('; ')}`);
    }
    const dataset = options.dataset ?? project.recipe.dataset;
    // Refused before a run folder is made, so a failed start leaves nothing behind.
    const problems = trainingProblems(project, dataset);
    if (problems.length > 0) {
      return failure('invalid-project', `Cannot train on "${dataset}": ${problems.join(' ')}`);
    }
    let run: { runId: string; dir: string };
    if (options.resumeRunId !== undefined) {
      const resumable = await this.resumable(file, options.resumeRunId);
      if (!resumable.ok) return resumable;
      run = resumable.result;
    } else {
      run = await createRun(file, {
        dataset,
        declared: project.datasets?.find((d) => d.id === dataset),
        settings: settings.data,
        backend: options.backend,
      });
    }

    const resumed = options.resumeRunId !== undefined;
    const recorder = new RunRecorder(run.dir, { fresh: !resumed, resumed });
    const progress = { ended: false };
    const onEvent = (event: TrainingEvent) => {
      if (ENDINGS.has(event.type)) progress.ended = true;
      recorder.record(event);
      this.emit(run.runId, event);
    };
    let handle: TrainingHandle;
    try {
      handle = this.launch(
        {
          runId: run.runId,
          project,
          settings: settings.data,
          dataset,
          backend: options.backend,
          runDir: run.dir,
          projectFile: file,
          resume: resumed,
          batchesPerEpoch: options.batchesPerEpoch,
        },
        onEvent,
      );
    } catch (error) {
      // A launcher that cannot even start (a missing trainer bundle) is a failed run, not a crash.
      onEvent({ type: 'failed', reason: `The trainer could not start: ${messageOf(error)}` });
      await recorder.settle();
      return { ok: true, result: { runId: run.runId } };
    }
    const recorded = handle.done.then(
      () => recorder.settle().then(() => {}),
      (error: unknown) => {
        onEvent({ type: 'failed', reason: `The trainer crashed: ${messageOf(error)}` });
        return recorder.settle().then(() => {});
      },
    );
    const active: ActiveRun = { file, progress, handle, recorded };
    this.active.set(run.runId, active);
    void recorded.finally(() => {
      if (this.active.get(run.runId) === active) this.active.delete(run.runId);
    });
    return { ok: true, result: { runId: run.runId } };
  }

  /** Pauses, resumes or stops a run of this session. */
  control(runId: string, action: 'pause' | 'resume' | 'stop'): Reply<Record<string, never>> {
    const run = this.active.get(runId);
    if (!run || run.progress.ended)
      return failure('not-found', `No run "${runId}" is training in this window.`);
    run.handle[action]();
    return { ok: true, result: {} };
  }

  /** The project's runs, newest first, with this session's live ones marked `running`. */
  async list(file: string): Promise<RunListingView[]> {
    await this.endedRunsWritten(file);
    const runs = await listRuns(file);
    return runs.map((run) => {
      const view = listingView(run);
      const live = this.active.get(run.runId);
      return live?.file === file && !live.progress.ended
        ? { ...view, status: 'running' as const }
        : view;
    });
  }

  /** A run's recorded events. */
  async log(file: string, runId: string): Promise<Reply<TrainingEvent[]>> {
    const dir = await findRun(file, runId);
    if (!dir.ok) return dir;
    await this.endedRunsWritten(file);
    return { ok: true, result: await readRunLog(dir.result) };
  }

  /** Resolves when `runId` has ended and its log is on disk (immediately if it is not active). */
  async settled(runId: string): Promise<void> {
    await this.active.get(runId)?.recorded;
  }

  /** Ids of the runs training now. */
  get running(): string[] {
    return [...this.active].filter(([, run]) => !run.progress.ended).map(([id]) => id);
  }

  /** Stops every run of this session and waits until they have ended. */
  async stopAll(): Promise<void> {
    const runs = [...this.active.values()];
    for (const run of runs) run.handle.stop();
    await Promise.all(runs.map((run) => run.recorded));
  }

  /** A run that sent its last event may still be writing its summary: wait for it. */
  private async endedRunsWritten(file: string): Promise<void> {
    const ending = [...this.active.values()].filter(
      (run) => run.progress.ended && run.file === file,
    );
    await Promise.all(ending.map((run) => run.recorded));
  }

  private async resumable(
    file: string,
    runId: string,
  ): Promise<Reply<{ runId: string; dir: string }>> {
    if (this.active.has(runId)) {
      return failure(
        'invalid-request',
        `Run "${runId}" is still training; stop it before resuming.`,
      );
    }
    return resumableRun(file, runId);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
