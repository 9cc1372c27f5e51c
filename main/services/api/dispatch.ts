import type { z } from 'zod';
import { requests } from '../../../shared/api/contract.js';
import type { RequestChannel, ResponseOf } from '../../../shared/api/contract.js';
import { failure } from '../../../shared/api/reply.js';
import type { Reply } from '../../../shared/api/reply.js';
import { formatIssue, zodIssues } from '../../../shared/project/issues.js';

/** A request after its schema ran: defaults filled in (e.g. `force: false`). */
export type ParsedRequest<C extends RequestChannel> = z.output<(typeof requests)[C]['request']>;

/** One service call per channel; errors come back as values, never as throws. */
export type Handlers = {
  [C in RequestChannel]: (request: ParsedRequest<C>) => Promise<Reply<ResponseOf<C>>>;
};

/** Answers one request; the same function behind Electron IPC and the WebSocket. */
export type Dispatch = (channel: string, payload: unknown) => Promise<Reply>;

/**
 * Validates the channel and payload against the contract, calls the handler, and turns a
 * thrown error (a bug or an unexpected I/O failure) into a `failed` reply. With
 * `checkResponses` (tests), answers outside the contract become `invalid-response`.
 */
export function createDispatch(
  handlers: Handlers,
  options: { checkResponses?: boolean } = {},
): Dispatch {
  return async (channel, payload) => {
    if (!isRequestChannel(channel)) {
      return failure('unknown-channel', `"${channel}" is not a request channel of the Strata API.`);
    }
    const schema = requests[channel];
    const parsed = schema.request.safeParse(payload ?? {});
    if (!parsed.success) {
      const where = zodIssues(parsed.error.issues).map((issue) =>
        formatIssue({ ...issue, path: issue.path === '' ? '(payload)' : issue.path }),
      );
      return failure('invalid-request', `${channel}: ${where.join('; ')}`);
    }
    let reply: Reply;
    try {
      const handler = handlers[channel] as (request: unknown) => Promise<Reply>;
      reply = await handler(parsed.data);
    } catch (error) {
      return failure(
        'failed',
        `${channel}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (options.checkResponses && reply.ok) {
      const checked = schema.response.safeParse(reply.result);
      if (!checked.success) {
        const where = zodIssues(checked.error.issues).map(formatIssue).join('; ');
        return failure('invalid-response', `${channel} answered outside the contract: ${where}`);
      }
    }
    return reply;
  };
}

function isRequestChannel(channel: string): channel is RequestChannel {
  return Object.hasOwn(requests, channel);
}
