import type { DatasetPreview } from '../../../shared/api/data-channels.js';
import { builtInDatasets } from '../../../shared/datasets/catalogue.js';
import { formatShape } from '../../../shared/layers/shape.js';
import { missingFiles } from '../../services/datasets/declared/paths.js';
import {
  addDeclaredDataset,
  inspectDeclared,
} from '../../services/datasets/declared/project-data.js';
import type { DownloadProgress } from '../../services/datasets/download/fetch-verified.js';
import { EXIT, type CliIo } from '../io.js';
import { openProject } from '../open.js';
import { declarationFromFlags, type DataAddOptions } from './data-declaration.js';

/** Download progress as one line per tenth of each file. */
function progressPrinter(io: CliIo): (progress: DownloadProgress) => void {
  const shown = new Map<string, number>();
  return ({ file, received, total }) => {
    const tenth = total ? Math.floor((received / total) * 10) : Math.floor(received / 10_000_000);
    if (shown.get(file) === tenth) return;
    shown.set(file, tenth);
    const mb = (n: number) => (n / 1e6).toFixed(1);
    io.err(`downloading ${file}: ${mb(received)}${total ? ` / ${mb(total)}` : ''} MB`);
  };
}

/** `strata data add <project> …`: opens the files, then records the dataset in the project. */
export async function dataAddCommand(
  file: string,
  flags: DataAddOptions,
  io: CliIo,
  signal?: AbortSignal,
): Promise<number> {
  const built = declarationFromFlags(file, flags);
  if (!built.ok) {
    io.err(`strata: ${built.error}`);
    return EXIT.usage;
  }
  const added = await addDeclaredDataset(file, built.declared, {
    replace: flags.replace,
    download: { onProgress: progressPrinter(io), signal },
  });
  if (!added.ok) {
    io.err(`strata: cannot add dataset "${built.declared.id}"; ${file} was not changed:`);
    for (const error of added.errors) io.err(`  ${error}`);
    return EXIT.failed;
  }
  printPreview(added.preview, io, 0);
  io.out(
    `added dataset "${added.declared.id}" to ${file}; train on it with --dataset ${added.declared.id}`,
  );
  return EXIT.ok;
}

/** `strata data list <project>`: declared datasets, then the built-in ones. */
export async function dataListCommand(file: string, io: CliIo): Promise<number> {
  const project = await openProject(file, io);
  if (!project) return EXIT.failed;
  const declared = project.datasets ?? [];
  if (declared.length === 0) io.out('no datasets declared; add one with `strata data add`');
  for (const dataset of declared) {
    const summary = dataset.summary;
    const shape = summary ? formatShape(summary.inputShape) : 'not opened yet';
    const target =
      summary?.target.kind === 'classes'
        ? `${summary.target.classes} classes`
        : (summary?.target.kind ?? '');
    const counts = summary
      ? `${summary.examples.toLocaleString('en-US')} examples${summary.testExamples ? ` + ${summary.testExamples.toLocaleString('en-US')} test` : ''}`
      : '';
    const missing = await missingFiles(file, dataset);
    const marks =
      missing.length > 0 ? `  MISSING: ${missing.map((m) => m.location?.file).join(', ')}` : '';
    const inUse = project.recipe.dataset === dataset.id ? '  (recipe)' : '';
    io.out(
      [dataset.id, dataset.kind, shape, target, counts].filter(Boolean).join('  ') + inUse + marks,
    );
  }
  io.out(`built-in: ${builtInDatasets.map((d) => d.id).join(', ')}`);
  return EXIT.ok;
}

/** `strata data show <project> <id>`: shape, classes, counts, a few examples as text. */
export async function dataShowCommand(
  file: string,
  id: string,
  io: CliIo,
  signal?: AbortSignal,
): Promise<number> {
  const project = await openProject(file, io);
  if (!project) return EXIT.failed;
  const declared = project.datasets?.find((d) => d.id === id);
  if (!declared) {
    const known = (project.datasets ?? []).map((d) => d.id);
    io.err(
      `strata: ${file} declares no dataset "${id}"${known.length ? ` (declared: ${known.join(', ')})` : ''}`,
    );
    return EXIT.failed;
  }
  const inspected = await inspectDeclared(file, declared, {
    download: { onProgress: progressPrinter(io), signal },
  });
  if (!inspected.ok) {
    io.err(`strata: cannot open dataset "${id}":`);
    for (const error of inspected.errors) io.err(`  ${error}`);
    return EXIT.failed;
  }
  printPreview(inspected.preview, io, 4);
  return EXIT.ok;
}

const SHADES = ' .:-=+*#%@';

/** An image as a few lines of characters, at most 28 wide. */
function asciiImage(image: NonNullable<DatasetPreview['examples'][number]['image']>): string[] {
  const step = Math.max(1, Math.ceil(image.width / 28));
  const lines: string[] = [];
  for (let y = 0; y < image.height; y += step * 2) {
    let line = '';
    for (let x = 0; x < image.width; x += step) {
      const at = (y * image.width + x) * image.channels;
      let sum = 0;
      for (let c = 0; c < image.channels; c++) sum += image.data[at + c];
      line += SHADES[Math.min(9, Math.floor((sum / image.channels / 256) * 10))];
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

/** Shape, classes with counts, splits, problems, and `examples` examples. */
function printPreview(preview: DatasetPreview, io: CliIo, examples: number): void {
  const { summary, splits } = preview;
  const count = (n: number) => n.toLocaleString('en-US');
  io.out(`dataset ${preview.id}${preview.cached ? ' (from the decoded cache)' : ''}`);
  io.out(`  input: ${formatShape(summary.inputShape)} ${summary.inputDtype}`);
  if (summary.target.kind === 'classes') {
    io.out(`  target: ${summary.target.classes} classes`);
  } else if (summary.target.kind === 'values') {
    io.out(`  target: values ${formatShape(summary.target.shape)}`);
  } else {
    io.out(`  target: next token of ${count(summary.target.vocabulary)}`);
  }
  io.out(
    `  examples: ${count(summary.examples)}${summary.testExamples !== undefined ? ` + ${count(summary.testExamples)} in the test files` : ''}` +
      ` (train ${count(splits.train)}, validation ${count(splits.validation)}, test ${count(splits.test)})`,
  );
  if (preview.classNames && preview.histogram) {
    const test = preview.testHistogram;
    preview.classNames.forEach((name, i) =>
      io.out(
        `    ${name}: ${count(preview.histogram?.[i] ?? 0)}${test ? ` (test ${count(test[i] ?? 0)})` : ''}`,
      ),
    );
  }
  for (const problem of preview.problems) io.out(`  problem: ${problem}`);
  for (const example of preview.examples.slice(0, examples)) {
    io.out(`  example, label ${example.label}:`);
    if (example.image) for (const line of asciiImage(example.image)) io.out(`    ${line}`);
    if (example.text !== undefined) io.out(`    ${JSON.stringify(example.text)}`);
    if (example.values)
      io.out(`    ${example.values.map((v) => Number(v.toPrecision(4))).join(', ')}`);
  }
}
