import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { WebSocketServer } from 'ws';
import { SERVE_API_PATH, TOKEN_PARAM } from '../../shared/api/socket.js';
import { createSession } from '../services/api/session.js';
import type { SessionHost } from '../services/api/session.js';
import { contentSecurityPolicy } from '../services/renderer-host/csp.js';
import { readRendererFile } from '../services/renderer-host/static-files.js';
import { RecoveryStore } from '../services/recovery/recovery-store.js';
import { RecentFiles } from '../services/storage/recent-files.js';
import { builtInTemplates } from '../services/templates/built-in.js';
import { confinedPaths } from '../services/workspace/paths.js';
import { cookieName, hostAllowed, originAllowed, tokenSource } from './access.js';
import type { Access } from './access.js';
import { serveConnection } from './connection.js';

/** What `strata serve` needs to start. */
export interface ServeOptions {
  /** The folder whose projects the browser may open and save; nothing outside it is reachable. */
  folder: string;
  /** 0 picks a free port. */
  port: number;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** Recent files and recovery copies; defaults to `.strata` inside the folder. */
  dataDir?: string;
  version: string;
  /** The token; random unless a test fixes it. */
  token?: string;
  /** Check every answer against the contract (tests). */
  checkResponses?: boolean;
  /** Open WebSockets at most; more are refused with HTTP 503 (default MAX_CONNECTIONS). */
  maxConnections?: number;
  /** The largest message a socket may send, in bytes (default MAX_PAYLOAD). */
  maxPayload?: number;
}

/** A tab holds one socket: far more tabs than a person opens, far fewer than exhaust memory. */
export const MAX_CONNECTIONS = 64;
/** Room for the largest image the contract takes to predict on (2048×2048 RGB is ~45 MB as JSON). */
export const MAX_PAYLOAD = 64 * 1024 * 1024;

/** A running server. */
export interface RunningServer {
  /** The page's URL, token included: the one thing to print. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** Starts the HTTP + WebSocket server on 127.0.0.1. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const access: Access = { token, port: 0 };
  const dataDir = options.dataDir ?? join(options.folder, '.strata');
  const shared = {
    transport: 'websocket' as const,
    version: options.version,
    paths: confinedPaths(options.folder),
    recent: new RecentFiles(dataDir),
    recovery: new RecoveryStore(dataDir),
    templates: builtInTemplates,
    dialogs: null,
    checkResponses: options.checkResponses,
  } satisfies Omit<SessionHost, 'emit'>;

  const http = createServer((request, response) => {
    void servePage(access, options.rendererDir, request, response);
  });
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxPayload ?? MAX_PAYLOAD,
  });
  const maxConnections = options.maxConnections ?? MAX_CONNECTIONS;
  http.on('upgrade', (request, socket, head) => {
    // Node drops its own error listener on upgrade; a reset socket must not end the process.
    socket.on('error', () => socket.destroy());
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const allowed =
      url.pathname === SERVE_API_PATH &&
      hostAllowed(access, request) &&
      originAllowed(access, request) &&
      tokenSource(access, request, url) !== null;
    if (!allowed) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    if (sockets.clients.size >= maxConnections) {
      const body = `Strata serves at most ${maxConnections} connections at once: close a tab.\n`;
      socket.end(
        'HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nRetry-After: 5\r\n' +
          `Content-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) =>
      serveConnection(ws, (emit) => createSession({ ...shared, emit })),
    );
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, '127.0.0.1', () => resolve());
  });
  access.port = (http.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${access.port}/?${TOKEN_PARAM}=${token}`,
    port: access.port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}

async function servePage(
  access: Access,
  rendererDir: string,
  request: IncomingMessage,
  response: ServerResponse,
) {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const source = hostAllowed(access, request) ? tokenSource(access, request, url) : null;
  if (source === null) {
    return send(
      response,
      403,
      'text/plain; charset=utf-8',
      'Forbidden: open the URL that `strata serve` printed, token included.\n',
    );
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return send(response, 405, 'text/plain; charset=utf-8', 'Only GET and HEAD.\n');
  }
  if (source === 'url') {
    response.setHeader(
      'Set-Cookie',
      `${cookieName(access)}=${access.token}; HttpOnly; SameSite=Strict; Path=/`,
    );
  }
  const file = await readRendererFile(rendererDir, url.pathname);
  if (file) return send(response, 200, file.contentType, file.body);
  if (url.pathname === '/') {
    return send(
      response,
      503,
      'text/plain; charset=utf-8',
      `The renderer is not built: run \`npm run build\` (looked in ${rendererDir}).\n`,
    );
  }
  return send(response, 404, 'text/plain; charset=utf-8', 'Not found.\n');
}

function send(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
) {
  const ws = `ws://${response.req.headers.host ?? '127.0.0.1'}`;
  response.writeHead(status, {
    'Content-Type': contentType,
    'Content-Security-Policy': contentSecurityPolicy([ws]),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  response.end(response.req.method === 'HEAD' ? undefined : body);
}
