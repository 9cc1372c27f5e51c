import type {
  EventChannel,
  EventOf,
  RequestChannel,
  RequestOf,
  ResponseOf,
} from '../../shared/api/contract.js';

/** A listener for one event channel. */
export type EventListener<E extends EventChannel> = (payload: EventOf<E>) => void;

/**
 * The renderer's view of the API, the same over both transports: one call per request channel,
 * and subscriptions that return their unsubscribe.
 * @public
 */
export interface StrataClient {
  request<C extends RequestChannel>(channel: C, payload: RequestOf<C>): Promise<ResponseOf<C>>;
  on<E extends EventChannel>(event: E, listener: EventListener<E>): () => void;
}
