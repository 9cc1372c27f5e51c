import { Command, CommanderError, InvalidArgumentError } from 'commander';
import type { TrainingHandle } from '../engine/trainer/session.js';
import { dataAddCommand, dataListCommand, dataShowCommand } from './commands/data.js';
import type { DataAddOptions } from './commands/data-declaration.js';
import { evaluateCommand, type EvaluateOptions } from './commands/evaluate.js';
import { exportCommand, type ExportOptions } from './commands/export.js';
import { importCommand } from './commands/import.js';
import { runsCommand, runsRemoveCommand, runsUpdateCommand } from './commands/runs.js';
import { trainCommand, type TrainOptions } from './commands/train.js';
import { newCommand } from './commands/new.js';
import { summaryCommand } from './commands/summary.js';
import { templatesCommand } from './commands/templates.js';
import { validateCommand } from './commands/validate.js';
import { EXIT, type CliIo } from './io.js';

/**
 * The `strata` command line. Each action hands its exit code to `exit` rather than ending the
 * process, so the program also runs inside tests.
 */
export function createProgram(io: CliIo, exit: (code: number) => void): Command {
  const program = new Command('strata')
    .description('Design, train and export neural networks.')
    .showHelpAfterError()
    .configureOutput({
      writeOut: (text) => io.out(text.trimEnd()),
      writeErr: (text) => io.err(text.trimEnd()),
    })
    // Usage mistakes throw instead of ending the process; `parseCli` turns them into exit code 2.
    .exitOverride();

  program
    .command('templates')
    .description('list the built-in example projects')
    .action(() => exit(templatesCommand(io)));

  program
    .command('new')
    .description('create a project from a template')
    .requiredOption('--template <name>', 'template to start from (see `strata templates`)')
    .argument('<file>', 'the .strata file to create')
    .action(async (file: string, options: { template: string }) =>
      exit(await newCommand(file, options, io)),
    );

  program
    .command('validate')
    .description("print the project's diagnostics; exit code 1 if it has errors")
    .argument('<file>', 'a .strata project file')
    .action(async (file: string) => exit(await validateCommand(file, io)));

  program
    .command('summary')
    .description('a Keras-like table: layer, output shape, parameters, totals')
    .argument('<file>', 'a .strata project file')
    .option('--model <id>', 'only this model (default: every model)')
    .action(async (file: string, options: { model?: string }) =>
      exit(await summaryCommand(file, options, io)),
    );

  program
    .command('train')
    .description("train the project's recipe; the run is kept beside the project")
    .argument('<file>', 'a .strata project file')
    .option('--dataset <id>', "a dataset other than the recipe's")
    .option('--epochs <n>', 'number of epochs', positiveInteger)
    .option('--batch-size <n>', 'examples per batch', positiveInteger)
    .option('--backend <name>', 'tensorflow, wasm or cpu (default: the best available)')
    .option(
      '--batches-per-epoch <n>',
      'train on at most this many batches per epoch',
      positiveInteger,
    )
    .option('--resume <run-id>', 'continue a run from its newest checkpoint')
    .action(async (file: string, options: TrainOptions) =>
      exit(
        await trainCommand(file, { ...options, progress: process.stderr.isTTY }, io, interruptible),
      ),
    );

  const data = program.command('data').description("the project's datasets: add, list, show");
  data
    .command('add')
    .description('open data files (or a well-known set) and declare them in the project')
    .argument('<file>', 'a .strata project file')
    .option('--idx <files...>', 'an IDX images file and its labels file')
    .option('--csv <file>', 'a CSV table with a header row')
    .option('--images <folder>', 'a folder with one sub-folder of images per class')
    .option('--text <file>', 'a UTF-8 text for a next-token language model')
    .option('--download <name>', 'mnist-full, fashion-mnist, cifar-10 or imdb-reviews')
    .option('--test <files...>', 'test files: an IDX pair, a CSV file or an image folder')
    .option('--target <column>', 'CSV: the column to predict')
    .option('--features <columns>', 'CSV: comma-separated input columns (default: all others)')
    .option('--target-kind <kind>', 'CSV: classes or values (default: from the column)')
    .option('--size <HxW>', 'images: height x width to resize to (default 32x32)')
    .option('--color <mode>', 'images: grayscale or rgb (default rgb)')
    .option('--tokens <unit>', 'text: character or word (default character)')
    .option('--window <n>', 'text: tokens per example (default 64)', positiveInteger)
    .option('--class-names <names>', 'IDX: comma-separated class names')
    .option('--id <id>', 'the dataset id (default: from the file name)')
    .option('--name <name>', 'a human name for lists')
    .option('--replace', 'replace a dataset with the same id')
    .action(async (file: string, options: DataAddOptions) =>
      exit(await dataAddCommand(file, options, io, interruptSignal())),
    );
  data
    .command('list')
    .description('the datasets the project declares, and the built-in ones')
    .argument('<file>', 'a .strata project file')
    .action(async (file: string) => exit(await dataListCommand(file, io)));
  data
    .command('show')
    .description('shape, classes, counts and a few examples of a declared dataset')
    .argument('<file>', 'a .strata project file')
    .argument('<id>', 'a dataset id (see `strata data list`)')
    .action(async (file: string, id: string) =>
      exit(await dataShowCommand(file, id, io, interruptSignal())),
    );

  program
    .command('evaluate')
    .description("a run's loss, accuracy and confusion matrix on the test set")
    .argument('<file>', 'a .strata project file')
    .requiredOption('--run <id>', 'the run to evaluate (see `strata runs`)')
    .option('--dataset <id>', "another dataset than the run's (all of its examples)")
    .option('--backend <name>', 'tensorflow, wasm or cpu (default: the best available)')
    .action(async (file: string, options: EvaluateOptions) =>
      exit(await evaluateCommand(file, options, io)),
    );

  const runs = program
    .command('runs')
    .description("list the project's training runs, newest first; rename, note, star or rm one")
    .argument('<file>', 'a .strata project file')
    .action(async (file: string) => exit(await runsCommand(file, io)));
  runs
    .command('rename')
    .description('give a run a name (an empty name removes it)')
    .argument('<file>', 'a .strata project file')
    .argument('<run>', 'a run id (see `strata runs`)')
    .argument('<name>', 'the new name')
    .action(async (file: string, run: string, name: string) =>
      exit(await runsUpdateCommand(file, run, { name }, io)),
    );
  runs
    .command('note')
    .description('write a note on a run (an empty note removes it)')
    .argument('<file>', 'a .strata project file')
    .argument('<run>', 'a run id (see `strata runs`)')
    .argument('<text>', 'the note')
    .action(async (file: string, run: string, note: string) =>
      exit(await runsUpdateCommand(file, run, { note }, io)),
    );
  runs
    .command('star')
    .description('star a run (--off removes the star)')
    .argument('<file>', 'a .strata project file')
    .argument('<run>', 'a run id (see `strata runs`)')
    .option('--off', 'remove the star')
    .action(async (file: string, run: string, options: { off?: boolean }) =>
      exit(await runsUpdateCommand(file, run, { starred: !options.off }, io)),
    );
  runs
    .command('rm')
    .description('delete a run: its weights, log and checkpoints')
    .argument('<file>', 'a .strata project file')
    .argument('<run>', 'a run id (see `strata runs`)')
    .action(async (file: string, run: string) => exit(await runsRemoveCommand(file, run, io)));

  program
    .command('export')
    .description("write the project's models as TF.js, ONNX, Keras or PyTorch files")
    .argument('<file>', 'a .strata project file')
    .requiredOption('--format <format>', 'tfjs, onnx, keras or pytorch')
    .requiredOption('--out <dir>', 'folder to write: new or empty, or an earlier export (--force)')
    .option('--run <id>', 'export the weights this run trained (default: the newest finished run)')
    .option('--untrained', 'export initial weights drawn from the recipe seed')
    .option('--model <id>', 'only this model (default: every model)')
    .option('--force', 'replace the earlier Strata export in --out')
    .action(async (file: string, options: ExportOptions) =>
      exit(await exportCommand(file, options, io)),
    );

  program
    .command('import')
    .description(
      'create a project from a Keras / TF.js model.json or an ONNX model (weights become a run)',
    )
    .argument('<model>', 'a TF.js layers model.json, a Keras to_json() file, or a .onnx file')
    .argument('<file>', 'the .strata file to create')
    .action(async (model: string, file: string) => exit(await importCommand(model, file, io)));

  return program;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

/** Ctrl+C cancels a download: the partial file is removed and the project is left unchanged. */
function interruptSignal(): AbortSignal {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  return controller.signal;
}

/** Ctrl+C stops training after the current batch, so the run and its checkpoint stay usable. */
function interruptible(handle: TrainingHandle): void {
  process.once('SIGINT', () => handle.stop());
}

/** Runs the program on `argv`; commander's usage errors (unknown command, missing option) exit 2. */
export async function parseCli(
  program: Command,
  argv: readonly string[],
  exit: (code: number) => void,
): Promise<void> {
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    exit(error.exitCode === 0 ? EXIT.ok : EXIT.usage);
  }
}
