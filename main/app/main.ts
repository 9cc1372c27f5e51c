// The Electron entry point, bundled to out/main/app/main.js by build.ts.
import { fileURLToPath } from 'node:url';
import { startApp } from './shell.js';

startApp({
  // From out/main/app/ up to the folder holding package.json and dist/renderer.
  root: fileURLToPath(new URL('../../../', import.meta.url)),
  preload: fileURLToPath(new URL('../../preload/preload.cjs', import.meta.url)),
  trainer: fileURLToPath(new URL('../trainer/process-entry.js', import.meta.url)),
});
