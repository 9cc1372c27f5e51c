import type {
  EventChannel,
  RequestChannel,
  RequestOf,
  ResponseOf,
} from '../../shared/api/contract.js';
import type { EventListener, StrataClient } from './client.js';

/** `renderer:project.open` → `project.open`: the preload's method name for a request channel. */
export type PreloadMethod<C extends RequestChannel> = C extends `renderer:${infer M}` ? M : never;

/** What the Electron preload exposes as `window.strata`: one method per request channel. */
export type PreloadApi = {
  [C in RequestChannel as PreloadMethod<C>]: (payload: RequestOf<C>) => Promise<ResponseOf<C>>;
} & {
  on<E extends EventChannel>(event: E, listener: EventListener<E>): () => void;
};

declare global {
  interface Window {
    strata?: PreloadApi;
  }
}

/** The preload's method name for a channel, e.g. `project.open`. */
export function preloadMethod<C extends RequestChannel>(channel: C): PreloadMethod<C> {
  return channel.slice('renderer:'.length) as PreloadMethod<C>;
}

/** A client over the Electron preload bridge. */
export function preloadClient(api: PreloadApi): StrataClient {
  return {
    request(channel, payload) {
      const method = api[preloadMethod(channel)] as unknown as (
        p: typeof payload,
      ) => Promise<ResponseOf<typeof channel>>;
      if (typeof method !== 'function') {
        return Promise.reject(new Error(`The preload has no method for ${channel}.`));
      }
      return method(payload);
    },
    on: (event, listener) => api.on(event, listener),
  };
}
