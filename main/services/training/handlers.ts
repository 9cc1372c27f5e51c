import { builtInDatasets } from '../../../shared/datasets/catalogue.js';
import { failure } from '../../../shared/api/reply.js';
import { formatIssue } from '../../../shared/project/issues.js';
import { loadProject } from '../../../shared/project/load.js';
import type { Handlers } from '../api/dispatch.js';
import { runHandlers, type RunChannel } from '../runs/handlers.js';
import type { PathPolicy } from '../workspace/paths.js';
import { describeBackends, type BackendReport } from '../../engine/backends/report.js';
import type { TrainingService } from './service.js';

/** The channels the training service answers. */
export type TrainingChannel =
  | 'renderer:training.start'
  | 'renderer:training.control'
  | 'renderer:runs.list'
  | 'renderer:runs.log'
  | 'renderer:datasets.list'
  | 'renderer:backends.describe';

/** What the training handlers need from the session's host. */
export interface TrainingHost {
  paths: PathPolicy;
  describeBackends?: () => Promise<BackendReport>;
}

/** Handlers for training, runs, datasets and backends, over one session's service. */
export function trainingHandlers(
  host: TrainingHost,
  training: TrainingService,
): Pick<Handlers, TrainingChannel | RunChannel> {
  return {
    ...runHandlers(host.paths, training),
    'renderer:training.start': async ({ path, document, ...options }) => {
      const file = await host.paths.resolve(path);
      if (!file.ok) return file;
      // Loaded exactly as a save would be: a document that could not be saved is not trained.
      const loaded = loadProject(JSON.stringify(document));
      if (!loaded.ok || loaded.repairs.length > 0) {
        const problems = loaded.ok ? loaded.repairs : loaded.errors;
        return failure(
          'invalid-project',
          `Cannot train: the document is not a valid project: ${problems.map(formatIssue).join('; ')}`,
        );
      }
      return training.start(file.result, loaded.project, options);
    },
    'renderer:training.control': async ({ runId, action }) => training.control(runId, action),
    'renderer:runs.list': async ({ path }) => {
      const file = await host.paths.resolve(path);
      if (!file.ok) return file;
      return { ok: true, result: await training.list(file.result) };
    },
    'renderer:runs.log': async ({ path, runId }) => {
      const file = await host.paths.resolve(path);
      if (!file.ok) return file;
      return training.log(file.result, runId);
    },
    'renderer:datasets.list': async () => ({
      ok: true,
      result: builtInDatasets.map((d) => ({
        ...d,
        inputShape: [...d.inputShape],
        target: { ...d.target },
      })),
    }),
    'renderer:backends.describe': async () => ({
      ok: true,
      result: await (host.describeBackends ?? describeBackends)(),
    }),
  };
}
