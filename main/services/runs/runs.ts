import { randomBytes } from 'node:crypto';
import { access, appendFile, mkdir, readdir, readFile, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { failure, type Reply } from '../../../shared/api/reply.js';
import { trainingEventSchema, type TrainingEvent } from '../../../shared/api/training-events.js';
import type { DeclaredDataset } from '../../../shared/project/datasets.js';
import type { TrainingSettings } from '../../../shared/training/settings.js';
import { writeFileAtomic } from '../storage/atomic-file.js';
import { readRunMeta, type RunMeta } from './meta.js';

/** What a run was asked to do, written when it starts. @public */
export interface RunConfig {
  runId: string;
  startedAt: string;
  project: string;
  dataset: string;
  /** The project's declaration of that dataset when it was declared, kept for evaluation. */
  declared?: DeclaredDataset;
  settings: TrainingSettings;
  backend?: string;
}

/** How a run ended and its last figures, written when it ends. */
export interface RunSummary {
  status: 'finished' | 'stopped' | 'failed';
  endedAt: string;
  reason?: string;
  epochs: number;
  steps: number;
  train: Record<string, number>;
  validation: Record<string, number>;
  /** Loss and metrics on the test set, when the run scored one. */
  test?: Record<string, number>;
}

/** A past or current run, as the run list shows it. */
export interface RunListing extends RunConfig {
  dir: string;
  /** `interrupted` when the run never wrote its summary (the app or machine went down). */
  status: RunSummary['status'] | 'interrupted';
  summary?: RunSummary;
  /** The user's name, note and star for the run. */
  meta: RunMeta;
}

const LOG = 'metrics.jsonl';

/** `<folder>/<name>.runs` beside `<folder>/<name>.strata`. */
export function runsFolder(projectPath: string): string {
  return join(dirname(projectPath), `${basename(projectPath, extname(projectPath))}.runs`);
}

/** Creates a run's folder and writes its config; ids sort by start time. */
export async function createRun(
  projectPath: string,
  config: Omit<RunConfig, 'runId' | 'startedAt' | 'project'>,
  now = new Date(),
): Promise<{ runId: string; dir: string }> {
  const stamp = now.toISOString().replace(/[:.]/g, '-').replace('Z', '');
  const runId = `${stamp}-${randomBytes(3).toString('hex')}`;
  const dir = join(runsFolder(projectPath), runId);
  await mkdir(dir, { recursive: true });
  const full: RunConfig = {
    runId,
    startedAt: now.toISOString(),
    project: basename(projectPath),
    ...config,
  };
  await writeFileAtomic(join(dir, 'config.json'), JSON.stringify(full, null, 2));
  return { runId, dir };
}

/**
 * Records a run's events in its metric log (one JSON object a line, appended as they come) and
 * writes the summary when it ends.
 */
export class RunRecorder {
  private pending: Promise<void> = Promise.resolve();
  private last: {
    epoch: number;
    step: number;
    train: Record<string, number>;
    validation: Record<string, number>;
  } = {
    epoch: 0,
    step: 0,
    train: {},
    validation: {},
  };

  private test: Record<string, number> | undefined;

  /** A `started` event arrived: the run did something worth keeping. */
  private started = false;
  /** A resume that failed before it started: the run is left as it was. */
  private refused = false;

  /**
   * `fresh`: the folder was made for this run, and is removed again if it never starts.
   * `resumed`: the folder holds an earlier session, kept untouched if this one never starts.
   */
  constructor(
    private readonly dir: string,
    private readonly options: { fresh?: boolean; resumed?: boolean } = {},
  ) {}

  /** Queues the event for the log; writes stay in order. */
  record(event: TrainingEvent): void {
    if (event.type === 'started') this.started = true;
    if (!this.started && this.options.resumed && event.type === 'failed') {
      this.refused = true;
      return;
    }
    if (event.type === 'epoch') {
      this.last = {
        ...this.last,
        epoch: event.epoch,
        train: event.train,
        validation: event.validation,
      };
    }
    if (event.type === 'batch') this.last.step = event.step;
    if (event.type === 'test') this.test = event.metrics;
    this.pending = this.pending.then(() =>
      appendFile(join(this.dir, LOG), `${JSON.stringify(event)}\n`),
    );
    if (event.type === 'finished' || event.type === 'stopped' || event.type === 'failed') {
      const summary: RunSummary = {
        status: event.type,
        endedAt: new Date().toISOString(),
        ...(event.type === 'finished' ? {} : { reason: event.reason }),
        epochs: this.last.epoch,
        steps: event.type === 'failed' ? this.last.step : event.step,
        train: this.last.train,
        validation: this.last.validation,
        ...(this.test ? { test: this.test } : {}),
      };
      this.pending = this.pending.then(() =>
        writeFileAtomic(join(this.dir, 'summary.json'), JSON.stringify(summary, null, 2)),
      );
    }
  }

  /** Resolves when everything recorded so far is on disk. */
  flush(): Promise<void> {
    return this.pending;
  }

  /**
   * Once the run has ended: writes what is pending, then removes the folder of a new run that
   * failed before it started (it would be an empty run in the list). Says whether the run's
   * folder holds anything of this session.
   */
  async settle(): Promise<'kept' | 'discarded' | 'unchanged'> {
    await this.flush();
    if (this.refused) return 'unchanged';
    if (this.started || !this.options.fresh) return 'kept';
    await rm(this.dir, { recursive: true, force: true });
    // The runs folder too, when this was to be its first run (rmdir refuses a non-empty one).
    await rmdir(dirname(this.dir)).catch(() => {});
    return 'discarded';
  }
}

/** Run ids are folder names made by `createRun`; anything else could reach outside the runs folder. */
const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Whether `runId` has the form of a run id (and so names a folder inside the runs folder). */
export function isRunId(runId: string): boolean {
  return RUN_ID.test(runId);
}

/** The folder of the project's run `runId`, or why there is none. */
export async function findRun(projectPath: string, runId: string): Promise<Reply<string>> {
  if (!isRunId(runId)) {
    return failure(
      'invalid-request',
      `"${runId}" is not a run id (run ids look like 2026-12-02T10-00-00-000-a1b2c3).`,
    );
  }
  const dir = join(runsFolder(projectPath), runId);
  try {
    await access(join(dir, 'config.json'));
  } catch {
    return failure('not-found', `The project has no run "${runId}".`);
  }
  return { ok: true, result: dir };
}

/** The project's runs, newest first; unreadable run folders are skipped. */
export async function listRuns(projectPath: string): Promise<RunListing[]> {
  const root = runsFolder(projectPath);
  const ids = await readdir(root).catch(() => [] as string[]);
  const runs: RunListing[] = [];
  for (const id of ids.sort().reverse()) {
    if (!isRunId(id)) continue;
    const dir = join(root, id);
    const config = await readJson<RunConfig>(join(dir, 'config.json'));
    if (!config) continue;
    const summary = await readJson<RunSummary>(join(dir, 'summary.json'));
    const meta = await readRunMeta(dir);
    runs.push({ ...config, dir, status: summary?.status ?? 'interrupted', summary, meta });
  }
  return runs;
}

/** A run's recorded events; a line cut short by a crash is left out. */
export async function readRunLog(dir: string): Promise<TrainingEvent[]> {
  const text = await readFile(join(dir, LOG), 'utf8').catch(() => '');
  return text.split('\n').flatMap((line) => {
    if (!line) return [];
    try {
      const parsed = trainingEventSchema.safeParse(JSON.parse(line));
      return parsed.success ? [parsed.data] : [];
    } catch {
      return [];
    }
  });
}

async function readJson<T>(path: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch {
    return undefined;
  }
}
