// One launch, in its own process: loads an Electron main (argv[2]) with the stand-in electron,
// makes the app ready and waits for its first window. Prints the milliseconds from process
// start to that window, and whether TensorFlow.js was loaded by then.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
// `electron` is the stand-in here (electron-hooks.mjs); its test-only members are typed below.
import * as real from 'electron';
import type * as Fake from '../../main/app/fake-electron.js';

const electron = real as unknown as typeof Fake;

const userData = mkdtempSync(join(tmpdir(), 'strata-startup-'));
electron.app.userData = userData;
const main = process.argv[2];
// The shell opens files named on its command line: name none.
process.argv = process.argv.slice(0, 2);
await import(pathToFileURL(main).href);
electron.app.makeReady();
while (electron.BrowserWindow.all.length === 0) await new Promise((r) => setImmediate(r));
const ms = performance.now();
// tfjs registers its engine on the global object when it loads.
const tfjs = '_tfengine' in globalThis;
console.log(JSON.stringify({ ms, tfjs }));
rmSync(userData, { recursive: true, force: true });
process.exit(0);
