import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureFiles } from '../../shared/project/fixtures.js';
import { serializeProject } from '../../shared/project/serialize.js';
import { templates } from '../../shared/templates/index.js';
import { captureIo } from './capture.js';
import { createProgram, parseCli } from './program.js';
import { seededRandom } from '../services/datasets/seeded-random.js';
import { Mutator } from './project-mutations.js';

const FILES = 2_000;
/** A gross bound, far above the few milliseconds most files take: it catches runaway work. */
const SECONDS_PER_FILE = 5;
const MAX_OUTPUT = 1024 * 1024;
/** Huge structures take longest to build and check; a few of each kind is enough. */
const HUGE_SHARE = 0.02;

/** Lines that show the command said something on purpose: a refusal, a diagnostic, a result. */
const TYPED = [
  /^strata: cannot open /,
  /^(error|warning): /,
  /: \d[\d,]* models?, \d[\d,]* errors?, \d[\d,]* warnings?\.$/,
  /^Total params: /,
];
/** Text that only a bug prints: a value that was never there, a stack, a caught exception. */
const BUGS = [
  /undefined/,
  /\[object Object\]/,
  /^\s+at .+:\d+:\d+\)?$/m,
  /This is a bug in Strata/,
  /could not work out the shape/,
];

let folder = '';
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'strata-fuzz-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function run(command: string, file: string) {
  const io = captureIo();
  let code: number | undefined;
  const started = performance.now();
  let thrown: unknown;
  try {
    await parseCli(
      createProgram(io, (c) => (code = c)),
      ['node', 'strata', command, file],
      (c) => (code = c),
    );
  } catch (error) {
    thrown = error;
  }
  return { code, thrown, seconds: (performance.now() - started) / 1000, text: io.text() };
}

describe('strata validate and summary on 2,000 damaged project files', () => {
  it('end each one within seconds with a typed message: no throw, no bug text, at most 1 MB', async () => {
    const random = seededRandom(20261202);
    const mutator = new Mutator(random);
    const originals = [
      ...templates.map((t) => serializeProject(t.project)),
      ...fixtureFiles.map((f) => f.text),
    ];
    const problems: string[] = [];
    const kinds = new Map<string, number>();
    let slowest = 0;
    let refused = 0;
    let analysed = 0;

    for (let i = 0; i < FILES; i++) {
      const mutant = mutator.mutate(originals[i % originals.length], HUGE_SHARE);
      kinds.set(mutant.kind, (kinds.get(mutant.kind) ?? 0) + 1);
      const file = join(folder, `f${i}.strata`);
      await writeFile(file, mutant.text);
      for (const command of ['validate', 'summary']) {
        const { code, thrown, seconds, text } = await run(command, file);
        slowest = Math.max(slowest, seconds);
        const where = `file ${i} (${mutant.kind}), ${command}`;
        const lines = text.split('\n');
        if (text.includes('strata: cannot open ')) refused++;
        else analysed++;
        if (thrown !== undefined) problems.push(`${where}: threw ${String(thrown)}`);
        else if (code !== 0 && code !== 1) problems.push(`${where}: exit code ${String(code)}`);
        else if (!lines.some((line) => TYPED.some((typed) => typed.test(line))))
          problems.push(`${where}: no typed message in ${JSON.stringify(text.slice(0, 300))}`);
        if (seconds > SECONDS_PER_FILE) problems.push(`${where}: took ${seconds.toFixed(1)} s`);
        if (text.length > MAX_OUTPUT) problems.push(`${where}: printed ${text.length} characters`);
        const bug = BUGS.find((pattern) => pattern.test(text));
        if (bug) {
          const line = lines.find((l) => bug.test(l)) ?? '';
          problems.push(`${where}: printed ${String(bug)}: ${line.slice(0, 300)}`);
        }
      }
    }
    // Every kind of damage was tried, and both refused and analysed files were seen, so a
    // passing run means each path survived them.
    expect([...kinds.keys()].length).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(FILES / 10);
    expect(analysed).toBeGreaterThan(FILES / 10);
    expect(problems.slice(0, 30)).toEqual([]);
    expect(slowest).toBeLessThan(SECONDS_PER_FILE);
  }, 600_000);
});
