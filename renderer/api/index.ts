import { createStrataApi, type StrataApi } from '../../shared/api/client.js';
import { createSocketTransport, SERVE_API_PATH, TOKEN_PARAM } from '../../shared/api/socket.js';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in a browser under `strata serve`. */
    strata?: StrataApi;
  }
}

/** `strata serve`'s socket on the page's own origin, with the token from the page URL. */
export function serveSocketUrl(location: Pick<Location, 'protocol' | 'host' | 'search'>): string {
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const token = new URLSearchParams(location.search).get(TOKEN_PARAM) ?? '';
  return `${protocol}//${location.host}${SERVE_API_PATH}?${TOKEN_PARAM}=${encodeURIComponent(token)}`;
}

let client: StrataApi | undefined;

/** The app's one client: the Electron preload when present, else `strata serve`'s WebSocket. */
export function api(): StrataApi {
  client ??=
    window.strata ??
    createStrataApi(createSocketTransport(new WebSocket(serveSocketUrl(window.location))));
  return client;
}
