#!/usr/bin/env node
// `npm run security`: Electronegativity (Doyensec's Electron security checker) over the code
// that configures Electron (main/app) and the page it loads (renderer/index.html). Fails on any
// HIGH finding, and on any other finding that is neither fixed nor explained: a finding that
// stays is disabled with `eng-disable <CHECK>` on its own line, with the reason beside it; a
// global one (which has no line to carry a comment) is explained in EXPLAINED below.
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const require = createRequire(import.meta.url);

/** Global findings that stay, and why. */
const EXPLAINED = {
  // The CSP is a response header on every strata:// reply (main/app/protocol.ts, built by
  // main/services/renderer-host/csp.ts and tested in csp.test.ts); Electronegativity only
  // recognises a CSP written as a string literal in a meta tag or a webRequest callback.
  CSP_GLOBAL_CHECK: 'CSP is set as a header by main/app/protocol.ts (see csp.ts)',
};

// Electronegativity fetches its translations from GitHub at every start; offline that costs a
// DNS timeout. Its bundled English strings are all it needs, so the fetch answers "offline" at once.
const i18nPath = require.resolve('@doyensec/electronegativity/dist/locales/i18n.js');
require.cache[i18nPath] = {
  id: i18nPath,
  filename: i18nPath,
  loaded: true,
  exports: async () => {
    const i18n = require(require.resolve('i18n', { paths: [i18nPath] }));
    i18n.configure({
      locales: ['en-US'],
      defaultLocale: 'en-US',
      directory: join(i18nPath, '..'),
      updateFiles: false,
      objectNotation: true,
      register: globalThis,
    });
  },
};
const run = require('@doyensec/electronegativity');

// Only the app's Electron-facing sources: tests and the fake Electron they use are not shipped.
const scan = mkdtempSync(join(tmpdir(), 'strata-electronegativity-'));
try {
  for (const name of readdirSync(join(root, 'main/app'))) {
    if (name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.startsWith('fake-')) {
      cpSync(join(root, 'main/app', name), join(scan, 'main/app', name));
    }
  }
  cpSync(join(root, 'renderer/index.html'), join(scan, 'renderer/index.html'));
  const electron = require('electron/package.json').version;
  const result = await run(
    {
      input: scan,
      isRelative: true,
      electronVersionOverride: electron,
      // This one asks GitHub which Electron releases exist; Electron's version is pinned by
      // package.json and raised on purpose, not by this check.
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    },
    false,
  );
  const broken = result.errors.filter((error) => !error.tolerable);
  for (const error of broken) console.error(`could not parse ${error.file}: ${error.message}`);
  let failures = broken.length;
  for (const issue of result.issues) {
    const where = issue.file === 'N/A' ? 'global' : `${issue.file}:${issue.location.line}`;
    const severity = issue.severity.name;
    const reason = EXPLAINED[issue.id];
    const accepted = reason !== undefined && severity !== 'HIGH';
    if (!accepted) failures += 1;
    console.log(`${accepted ? 'explained' : 'FAIL'} ${severity} ${issue.id} ${where}`);
    console.log(`  ${accepted ? reason : issue.description}`);
  }
  console.log(
    `Electronegativity (Electron ${electron}): ${result.issues.length} findings, ${failures} unexplained or HIGH`,
  );
  process.exitCode = failures > 0 ? 1 : 0;
} finally {
  rmSync(scan, { recursive: true, force: true });
}
