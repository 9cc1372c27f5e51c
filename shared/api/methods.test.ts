import { describe, expect, expectTypeOf, it } from 'vitest';
import { events, requests } from './contract.js';
import type { EventChannel, RequestChannel } from './contract.js';
import { createStrataApi } from './client.js';
import type { StrataApi } from './client.js';
import { eventChannels, methodOf, requestChannels } from './methods.js';
import type { MethodName } from './methods.js';

describe('the client method list', () => {
  it('names exactly the contract channels, checked by the type checker', () => {
    // Both directions: a channel missing from the list, or an extra one, fails `tsc`.
    expectTypeOf<(typeof requestChannels)[number]>().toEqualTypeOf<RequestChannel>();
    expectTypeOf<(typeof eventChannels)[number]>().toEqualTypeOf<EventChannel>();
    expectTypeOf<Exclude<keyof StrataApi, 'on'>>().toEqualTypeOf<MethodName>();
  });

  it('lists each channel once, matching the contract at run time too', () => {
    expect([...requestChannels].sort()).toEqual(Object.keys(requests).sort());
    expect([...eventChannels].sort()).toEqual(Object.keys(events).sort());
    expect(new Set(requestChannels.map(methodOf)).size).toBe(requestChannels.length);
  });

  it('builds one method per channel that sends only its own channel', async () => {
    const sent: string[] = [];
    const api = createStrataApi({
      call: async (channel) => {
        sent.push(channel);
        return { ok: true, result: channel };
      },
      on: () => () => undefined,
    });
    for (const channel of requestChannels) {
      const method = api[methodOf(channel)] as (request?: unknown) => Promise<unknown>;
      await expect(method({})).resolves.toBe(channel);
    }
    expect(sent).toEqual([...requestChannels]);
  });

  it('rejects with the error message and code when the reply is not ok', async () => {
    const api = createStrataApi({
      call: async () => ({ ok: false, error: { code: 'not-found', message: 'no such file x' } }),
      on: () => () => undefined,
    });
    await expect(api['project.open']({ path: 'x' })).rejects.toMatchObject({
      code: 'not-found',
      message: 'no such file x',
    });
  });
});
