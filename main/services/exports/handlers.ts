import { failure } from '../../../shared/api/reply.js';
import { formatIssue } from '../../../shared/project/issues.js';
import { loadProject } from '../../../shared/project/load.js';
import type { Project } from '../../../shared/project/schema.js';
import { readFile } from 'node:fs/promises';
import type { Reply } from '../../../shared/api/reply.js';
import type { EventChannel, EventOf } from '../../../shared/api/contract.js';
import type { Handlers } from '../api/dispatch.js';
import { runExport, type ExportContext } from './service.js';

/** What the export handler needs from the session's host. */
export interface ExportHost extends ExportContext {
  emit<E extends EventChannel>(event: E, payload: EventOf<E>): void;
}

/** The handler of `renderer:export.run`: the document sent, or the project file, exported. */
export function exportHandlers(host: ExportHost): Pick<Handlers, 'renderer:export.run'> {
  return {
    'renderer:export.run': async ({ path, document, format, runId, modelId, outDir, replace }) => {
      const file = await host.paths.resolve(path);
      if (!file.ok) return file;
      const project = await projectOf(file.result, document);
      if (!project.ok) return project;
      return runExport(
        host,
        { file: file.result, project: project.result, format, runId, modelId, outDir, replace },
        (model, fraction, label) =>
          host.emit('main:export.progress', { modelId: model, fraction, label }),
      );
    },
  };
}

/** The document as sent (checked as a save would check it), or the project file on disk. */
async function projectOf(
  file: string,
  document: Record<string, unknown> | undefined,
): Promise<Reply<Project>> {
  let text: string;
  if (document) text = JSON.stringify(document);
  else {
    try {
      text = await readFile(file, 'utf8');
    } catch {
      return failure('not-found', `Cannot read the project ${file}: save it first.`);
    }
  }
  const loaded = loadProject(text);
  if (!loaded.ok || (document && loaded.repairs.length > 0)) {
    const problems = loaded.ok ? loaded.repairs : loaded.errors;
    return failure(
      'invalid-project',
      `Cannot export: the document is not a valid project: ${problems.map(formatIssue).join('; ')}`,
    );
  }
  return { ok: true, result: loaded.project };
}
