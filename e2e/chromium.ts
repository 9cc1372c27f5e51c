import { existsSync } from 'node:fs';

/** Debian's Chromium, which the e2e suite and the editor benchmark drive (never a downloaded one). */
export const CHROMIUM_PATH = process.env.STRATA_CHROMIUM ?? '/usr/bin/chromium';

/** Flags that let Chromium run headless on a build machine without a GPU or network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];

/** Why the browser tests cannot run here, or undefined when Chromium is installed. */
export function chromiumMissing(): string | undefined {
  return existsSync(CHROMIUM_PATH)
    ? undefined
    : `Chromium not found at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\` ` +
        '(or point STRATA_CHROMIUM at a Chromium binary).';
}
