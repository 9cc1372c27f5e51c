import type { StrataClient } from './client.js';
import { preloadClient } from './preload.js';
import { serveSocketUrl, websocketClient } from './websocket.js';

let client: StrataClient | undefined;

/** The app's one client: the Electron preload when present, else `strata serve`'s WebSocket. */
export function api(): StrataClient {
  client ??= window.strata
    ? preloadClient(window.strata)
    : websocketClient(serveSocketUrl(window.location));
  return client;
}

export type { StrataClient } from './client.js';
