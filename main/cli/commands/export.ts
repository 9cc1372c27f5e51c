import { EXPORT_FORMATS, type ExportFormat } from '../../export/exporter.js';
import { formatLabel } from '../../export/formats.js';
import { exportProject } from '../../export/pipeline.js';
import { describeRun, newestFinishedRun } from '../../services/runs/choice.js';
import { listRuns } from '../../services/runs/runs.js';
import { EXIT, type CliIo } from '../io.js';
import { openProject } from '../open.js';

export interface ExportOptions {
  format: string;
  out: string;
  /** A run whose trained weights to export (default: the newest finished run). */
  run?: string;
  /** Export the initial weights drawn from the recipe seed, even when a run finished. */
  untrained?: boolean;
  /** Only this model (default: every model, each in a folder named after it). */
  model?: string;
  /** Replace `out` when it holds an earlier Strata export. */
  force?: boolean;
}

const isFormat = (format: string): format is ExportFormat =>
  (EXPORT_FORMATS as readonly string[]).includes(format);

/**
 * `strata export <file> --format <f> --out <dir> [--run id | --untrained] [--model id] [--force]`:
 * writes the project's models in one format, printing progress; names every layer the format
 * cannot express, and whose weights went out: the named run, else the newest finished one, else
 * untrained weights drawn from the recipe seed. `--out` must be new or empty, or an earlier
 * export (replaced with `--force` only).
 */
export async function exportCommand(
  file: string,
  options: ExportOptions,
  io: CliIo,
): Promise<number> {
  if (!isFormat(options.format)) {
    io.err(`strata: no export format "${options.format}". Formats: ${EXPORT_FORMATS.join(', ')}.`);
    return EXIT.usage;
  }
  if (options.run !== undefined && options.untrained) {
    io.err('strata: give --run or --untrained, not both.');
    return EXIT.usage;
  }
  const project = await openProject(file, io);
  if (!project) return EXIT.failed;
  const run = options.untrained
    ? undefined
    : options.run === undefined
      ? await newestFinishedRun(file)
      : (await listRuns(file)).find((r) => r.runId === options.run);
  const runId = options.run ?? run?.runId;
  const label = formatLabel(options.format);
  let last = '';
  const exported = await exportProject(
    {
      projectPath: file,
      project,
      format: options.format,
      outDir: options.out,
      runId,
      modelId: options.model,
      replace: options.force ?? false,
    },
    (modelId, fraction, step) => {
      const line = `${modelId}: ${Math.round(fraction * 100)}% ${step}`;
      if (line !== last) io.out(line);
      last = line;
    },
  );
  for (const { modelId, outDir, result } of exported.models) {
    if (result.ok) {
      io.out(`Exported model "${modelId}" as ${label} to ${outDir}:`);
      for (const f of result.files) io.out(`  ${f}`);
      for (const note of result.notes) io.out(`note: ${note}`);
    } else if (result.unsupported.length > 0) {
      io.err(`strata: ${label} cannot express these layers of model "${modelId}":`);
      for (const u of result.unsupported) io.err(`  ${u.nodeId} (${u.kind}): ${u.reason}`);
    }
  }
  if (!exported.ok) {
    const listed = exported.models.some((m) => !m.result.ok && m.result.unsupported.length > 0);
    const force = exported.destination?.needsConfirmation ? ' Pass --force to replace it.' : '';
    if (!listed) io.err(`strata: cannot export ${file}: ${exported.message}${force}`);
    return EXIT.failed;
  }
  const weights = run
    ? describeRun(run)
    : `untrained, drawn from the recipe seed ${project.recipe.seed}` +
      (options.untrained ? '' : ' (the project has no finished run)');
  io.out(`Weights: ${weights}.`);
  return EXIT.ok;
}
