#!/usr/bin/env node
// `npm run bench -- <name> [args…]` runs bench/<name>.ts with the words after its name (those that
// are not themselves benchmark names) as its arguments; several names run in turn; no name: every
// benchmark. Exits with the first failing benchmark's status, after running them all.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../bench/', import.meta.url));
const all = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => f.slice(0, -3));
const words = process.argv.slice(2);
if (words.length > 0 && !all.includes(words[0])) {
  console.error(`Unknown benchmark ${words[0]}; have: ${all.join(', ')}`);
  process.exit(2);
}
const runs = words.length > 0 ? [] : all.map((name) => ({ name, args: [] }));
for (const word of words) {
  if (all.includes(word)) runs.push({ name: word, args: [] });
  else runs.at(-1).args.push(word);
}
let status = 0;
for (const { name, args } of runs) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', `${dir}${name}.ts`, ...args], {
    stdio: 'inherit',
  });
  if (run.status !== 0 && status === 0) status = run.status ?? 1;
}
process.exit(status);
