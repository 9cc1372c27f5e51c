import { protocol } from 'electron';
import { contentSecurityPolicy } from '../services/renderer-host/csp.js';
import { readRendererFile } from '../services/renderer-host/static-files.js';
import { APP_HOST, APP_SCHEME } from './security.js';

/** Call before `app` is ready: makes `strata:` a standard, secure scheme (so CSP `'self'` works). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * Answers one `strata://` request from the built renderer, with the CSP header on every reply.
 * (Electronegativity's CSP_GLOBAL_CHECK reports "no CSP" because it only reads literal CSP
 * strings; scripts/electronegativity.mjs explains it.)
 */
export async function appResponse(rendererDir: string, requestUrl: string): Promise<Response> {
  const headers = {
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
  };
  const url = new URL(requestUrl);
  if (url.host !== APP_HOST) return new Response('Not found', { status: 404, headers });
  const file = await readRendererFile(rendererDir, url.pathname);
  if (!file) return new Response('Not found', { status: 404, headers });
  return new Response(new Uint8Array(file.body), {
    status: 200,
    headers: { ...headers, 'Content-Type': file.contentType },
  });
}

/** Serves the built renderer under `strata://app/`. Call once `app` is ready. */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => appResponse(rendererDir, request.url));
}
