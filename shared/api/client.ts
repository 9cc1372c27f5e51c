import type { EventChannel, EventOf, RequestChannel, RequestOf, ResponseOf } from './contract.js';
import { methodOf, requestChannels } from './methods.js';
import type { MethodOf } from './methods.js';
import { StrataApiError } from './reply.js';
import type { Reply } from './reply.js';

/** Requests whose fields are all optional may be called with no argument: `api['app.info']()`. */
type RequestArgs<C extends RequestChannel> =
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- `{}` asks "are all fields optional?"
  {} extends RequestOf<C> ? [request?: RequestOf<C>] : [request: RequestOf<C>];

/** Subscribes to one event; the listener gets the payload only, and the result unsubscribes. */
export type Subscribe = <E extends EventChannel>(
  event: E,
  listener: (payload: EventOf<E>) => void,
) => () => void;

/**
 * The API the renderer sees (`window.strata` under Electron): one method per request channel,
 * named after it (`api['project.save'](…)` sends `renderer:project.save`), resolving to the
 * channel's response and rejecting with the error's message; plus `on` for events. @public
 */
export type StrataApi = {
  [C in RequestChannel as MethodOf<C>]: (...args: RequestArgs<C>) => Promise<ResponseOf<C>>;
} & { on: Subscribe };

/** What a transport must provide for `createStrataApi`: a call and a subscription. */
export interface Transport {
  call(channel: RequestChannel, payload: unknown): Promise<Reply>;
  on(event: EventChannel, listener: (payload: unknown) => void): () => void;
}

/** Builds the typed client over a transport; each method is bound to its one channel. */
export function createStrataApi(transport: Transport): StrataApi {
  const api: Record<string, unknown> = {};
  for (const channel of requestChannels) {
    api[methodOf(channel)] = async (request: unknown = {}) => {
      const reply = await transport.call(channel, request);
      if (!reply.ok) throw new StrataApiError(reply.error.code, reply.error.message);
      return reply.result;
    };
  }
  api.on = (event: EventChannel, listener: (payload: unknown) => void) =>
    transport.on(event, listener);
  // The loop fills one method per channel; methods.test.ts pins the channel list to the contract.
  return api as StrataApi;
}
