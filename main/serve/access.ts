import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { TOKEN_PARAM } from '../../shared/api/socket.js';

/**
 * Who may talk to `strata serve`: a request for the right host (so a DNS-rebound name cannot
 * reach it), carrying the session token in the URL or in the cookie set when the page loaded,
 * and, for the WebSocket, sent by a page of this same origin.
 */
export interface Access {
  token: string;
  port: number;
}

/** The cookie that lets the page's own assets and socket through once its URL had the token. */
export function cookieName(access: Access): string {
  // Cookies ignore ports: one name per port keeps two servers from overwriting each other.
  return `strata-token-${access.port}`;
}

/** The origins this server's pages run on. */
export function ownOrigins(access: Access): string[] {
  return [`http://127.0.0.1:${access.port}`, `http://localhost:${access.port}`];
}

/** Whether the request names this server as its host. */
export function hostAllowed(access: Access, request: IncomingMessage): boolean {
  return ownOrigins(access).includes(`http://${request.headers.host ?? ''}`);
}

/** Where the request's token came from, or null when it has none that matches. */
export function tokenSource(
  access: Access,
  request: IncomingMessage,
  url: URL,
): 'url' | 'cookie' | null {
  if (sameSecret(url.searchParams.get(TOKEN_PARAM), access.token)) return 'url';
  return sameSecret(readCookie(request, cookieName(access)), access.token) ? 'cookie' : null;
}

/** Whether a WebSocket upgrade comes from this server's page (or from a non-browser client). */
export function originAllowed(access: Access, request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  return origin === undefined || ownOrigins(access).includes(origin);
}

function readCookie(request: IncomingMessage, name: string): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
}

function sameSecret(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
