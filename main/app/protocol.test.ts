import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as electron from './fake-electron.js';
import { appResponse, registerAppScheme, serveAppProtocol } from './protocol.js';

vi.mock('electron', () => import('./fake-electron.js'));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strata-protocol-'));
  await mkdir(join(dir, 'renderer'));
  await writeFile(join(dir, 'renderer', 'index.html'), '<title>app</title>');
  await writeFile(join(dir, 'outside.txt'), 'secret');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the strata:// protocol', () => {
  it('registers strata as a standard, secure scheme and handles it', async () => {
    registerAppScheme();
    expect(electron.protocol.privileged).toContainEqual({
      scheme: 'strata',
      privileges: expect.objectContaining({ standard: true, secure: true }),
    });
    serveAppProtocol(join(dir, 'renderer'));
    const response = await electron.protocol.handlers.get('strata')!({ url: 'strata://app/' });
    expect(await response.text()).toBe('<title>app</title>');
  });

  it('serves the renderer with a CSP that allows no inline or remote scripts', async () => {
    const response = await appResponse(join(dir, 'renderer'), 'strata://app/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const csp = response.headers.get('content-security-policy') ?? '';
    const directive = (name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `));
    expect(directive('script-src')).toBe("script-src 'self' 'wasm-unsafe-eval'");
    expect(directive('connect-src')).toBe("connect-src 'self'");
    expect(directive('object-src')).toBe("object-src 'none'");
    expect(directive('default-src')).toBe("default-src 'self'");
  });

  it('answers 404 for other hosts and for paths that climb out of the renderer folder', async () => {
    for (const url of [
      'strata://other/index.html',
      'strata://app/../outside.txt',
      'strata://app/%2e%2e/outside.txt',
    ]) {
      const response = await appResponse(join(dir, 'renderer'), url);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('secret');
    }
  });
});
