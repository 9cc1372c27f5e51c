// Time from launch to the first window of the desktop app's main bundle (out/main/app/main.js,
// built fresh), against an Electron main that only opens a window; interleaved, each launch
// in its own Node process with the tests' stand-in for electron. Ratio = reference ms ÷ Strata
// ms (1 would be a main that costs nothing). Also says whether TensorFlow.js was loaded before
// the first window: it should not be (inference and training load it when first used).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROUNDS = 5;
const root = fileURLToPath(new URL('../', import.meta.url));
// The app's layout as packaged: package.json and node_modules beside out/main/app/main.js.
const out = mkdtempSync(join(tmpdir(), 'strata-bench-startup-'));
const fake = join(out, 'fake-electron.mjs');

interface Launch {
  ms: number;
  tfjs: boolean;
}

/** One launch in a fresh Node: plain JavaScript throughout, as in Electron (no tsx). */
function launch(main: string): Launch {
  const stdout = execFileSync(
    process.execPath,
    ['--import', './bench/startup/register.mjs', join(out, 'launch.mjs'), main],
    { cwd: root, encoding: 'utf8', env: { ...process.env, STRATA_FAKE_ELECTRON: fake } },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Launch;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

try {
  execFileSync(process.execPath, ['--import', 'tsx', 'main/app/build.ts'], {
    cwd: root,
    env: { ...process.env, STRATA_OUT: join(out, 'out') },
    stdio: 'ignore',
  });
  copyFileSync(join(root, 'package.json'), join(out, 'package.json'));
  symlinkSync(join(root, 'node_modules'), join(out, 'node_modules'), 'dir');
  const strataMain = join(out, 'out/main/app/main.js');
  // The harness, the stand-in and the reference main, bundled like the app.
  const bundle = (entry: string, outfile: string) =>
    build({
      absWorkingDir: root,
      entryPoints: [entry],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      external: ['electron'],
      logLevel: 'warning',
    });
  await bundle('main/app/fake-electron.ts', fake);
  await bundle('bench/startup/launch.ts', join(out, 'launch.mjs'));
  await bundle('bench/startup/empty-main.ts', join(out, 'empty-main.mjs'));
  const emptyMain = join(out, 'empty-main.mjs');
  const strata: Launch[] = [];
  const empty: Launch[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    empty.push(launch(emptyMain));
    strata.push(launch(strataMain));
    const [s, e] = [strata.at(-1)!, empty.at(-1)!];
    console.log(`round ${round}: strata ${s.ms.toFixed(0)} ms, empty main ${e.ms.toFixed(0)} ms`);
  }
  const s = median(strata.map((l) => l.ms));
  const e = median(empty.map((l) => l.ms));
  const tfjs = strata.some((l) => l.tfjs) ? 'loaded' : 'not loaded';
  console.log(
    `RESULT startup ratio=${(e / s).toFixed(3)} empty Electron-like main ÷ Strata main, ms to ` +
      `first window (median of ${ROUNDS}): ${e.toFixed(0)} vs ${s.toFixed(0)}; tfjs ${tfjs} at start-up`,
  );
} finally {
  rmSync(out, { recursive: true, force: true });
}
