import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { startServer } from '../serve/server.js';
import type { RunningServer } from '../serve/server.js';
import { EXIT } from './io.js';
import type { CliIo } from './io.js';

/**
 * The checkout's root (package.json, dist/renderer): two folders up from the source
 * (main/cli/), three from the bundle (out/main/cli/).
 */
const root = fileURLToPath(
  new URL(import.meta.url.endsWith('.ts') ? '../../' : '../../../', import.meta.url),
);

/** Options of `strata serve`. */
export interface ServeFlags {
  port: string;
  folder: string;
  data?: string;
}

/**
 * `strata serve`: the editor in a browser, over the same API as the desktop app. Prints the URL
 * with its token and keeps running; resolves with the server, or with an exit code on bad flags.
 */
export async function serveCommand(flags: ServeFlags, io: CliIo): Promise<RunningServer | number> {
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.err(
      `--port: expected a whole number from 0 to 65535 (0 picks a free port), got "${flags.port}".`,
    );
    return EXIT.usage;
  }
  const folder = resolve(flags.folder);
  if (
    !(await stat(folder).then(
      (s) => s.isDirectory(),
      () => false,
    ))
  ) {
    io.err(`--folder: ${folder} is not a folder.`);
    return EXIT.usage;
  }
  const version = (
    JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string }
  ).version;
  const server = await startServer({
    folder,
    port,
    rendererDir: resolve(root, 'dist/renderer'),
    dataDir: flags.data ? resolve(flags.data) : undefined,
    version,
  });
  io.out(`Strata is serving ${folder}`);
  io.out(`Open ${server.url}`);
  return server;
}

/** Adds `serve` to the program; a start failure (port taken) sets the exit code. */
export function registerServe(program: Command, io: CliIo, exit: (code: number) => void): void {
  program
    .command('serve')
    .description('serve the editor to a browser on 127.0.0.1, confined to one folder')
    .option('--port <n>', 'port to listen on (0: any free port)', '0')
    .option('--folder <dir>', 'the folder whose projects the browser may open and save', '.')
    .option('--data <dir>', 'where recent files and recovery copies go (default: <folder>/.strata)')
    .action(async (flags: ServeFlags) => {
      try {
        const result = await serveCommand(flags, io);
        if (typeof result === 'number') exit(result);
      } catch (error) {
        io.err(`strata serve: ${error instanceof Error ? error.message : String(error)}`);
        exit(EXIT.failed);
      }
    });
}
