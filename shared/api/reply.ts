/**
 * What a request gets back on every transport: a result, or an error as a value. The WebSocket
 * adds the request's `id`; Electron IPC returns the envelope as is and the preload unwraps it.
 */

/** Why a request failed, for code that reacts to kinds of failure rather than to wording. */
export type ApiErrorCode =
  /** The channel is not in the contract. */
  | 'unknown-channel'
  /** The payload does not match the channel's request schema; the message names the field. */
  | 'invalid-request'
  /** A path points outside the folder this transport may touch, or is not allowed here. */
  | 'forbidden-path'
  /** A file, template or recovery entry that does not exist. */
  | 'not-found'
  /** The file is not a project Strata can load. */
  | 'invalid-project'
  /** The request needs something this transport lacks (a native dialog under `strata serve`). */
  | 'unsupported'
  /** The sending frame is not the app's own page. */
  | 'forbidden-sender'
  /** The service answered with something outside the contract: a bug in main. */
  | 'invalid-response'
  /** Anything else (disk full, permission denied): the message says what. */
  | 'failed';

/** A failed request: a code and a sentence naming what is wrong and where. @public */
export interface ApiError {
  code: ApiErrorCode;
  message: string;
}

/** The envelope of one answer. @public */
export type Reply<T = unknown> = { ok: true; result: T } | { ok: false; error: ApiError };

/** The error a client method throws when its reply is not `ok`. @public */
export class StrataApiError extends Error {
  readonly code: ApiErrorCode;

  constructor(code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'StrataApiError';
    this.code = code;
  }
}

/** Builds a failed reply. */
export function failure(code: ApiErrorCode, message: string): Reply<never> {
  return { ok: false, error: { code, message } };
}
