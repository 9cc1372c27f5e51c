// Module hooks for the startup benchmark: `electron` resolves to the tests' stand-in
// (main/app/fake-electron.ts, bundled to the file STRATA_FAKE_ELECTRON names), so an Electron
// main bundle loads and opens its window in plain Node.
import { pathToFileURL } from 'node:url';

export async function resolve(specifier, context, next) {
  if (specifier === 'electron') {
    return { url: pathToFileURL(process.env.STRATA_FAKE_ELECTRON).href, shortCircuit: true };
  }
  return next(specifier, context);
}
