import { join } from 'node:path';
import type { Project } from '../../shared/project/schema.js';
import type { ExportFormat, ExportResult } from './exporter.js';
import { exporters } from './formats.js';
import { disposeInputs, prepareExport, type PrepareOptions } from './prepare.js';

/** One export request: a project on disk, a format, where to write, and which weights. */
export interface ExportRequest extends PrepareOptions {
  projectPath: string;
  project: Project;
  format: ExportFormat;
  outDir: string;
}

/** One model's export: where it went and what the exporter said. */
export interface ModelExport {
  modelId: string;
  outDir: string;
  result: ExportResult;
}

export type ProjectExport =
  { ok: true; models: ModelExport[] } | { ok: false; message: string; models: ModelExport[] };

/** Progress of a project export: which model, and the exporter's fraction and label. */
export type ExportProgress = (modelId: string, fraction: number, label: string) => void;

/**
 * Exports a project's models (one, or all) in one format. A single model is written into `outDir`
 * itself; several go into `outDir/<model id>/`. Stops at the first model that fails.
 */
export async function exportProject(
  request: ExportRequest,
  onProgress: ExportProgress = () => {},
): Promise<ProjectExport> {
  const prepared = await prepareExport(request.projectPath, request.project, request);
  if (!prepared.ok) return { ok: false, message: prepared.message, models: [] };
  const exporter = exporters[request.format];
  const models: ModelExport[] = [];
  try {
    for (const input of prepared.inputs) {
      const modelId = input.graph.id;
      const outDir = prepared.inputs.length === 1 ? request.outDir : join(request.outDir, modelId);
      const result = await exporter(input, outDir, (fraction, label) =>
        onProgress(modelId, fraction, label),
      );
      models.push({ modelId, outDir, result });
      if (!result.ok) return { ok: false, message: result.message, models };
    }
    return { ok: true, models };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `export failed: ${message}`, models };
  } finally {
    disposeInputs(prepared.inputs);
  }
}
