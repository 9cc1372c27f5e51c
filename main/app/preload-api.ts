import type { ContextBridge, IpcRenderer, IpcRendererEvent } from 'electron';
import { createStrataApi } from '../../shared/api/client.js';
import type { StrataApi } from '../../shared/api/client.js';
import type { EventChannel } from '../../shared/api/contract.js';
import { eventChannels } from '../../shared/api/methods.js';
import { failure } from '../../shared/api/reply.js';
import type { Reply } from '../../shared/api/reply.js';

/**
 * The API the preload exposes as `window.strata`: one method per request channel, each bound
 * to its own channel (no generic `invoke`), and `on`, which accepts only the contract's event
 * channels, hands listeners the payload without the IPC event (it carries the sender), and
 * returns the unsubscribe.
 */
export function preloadApi(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): StrataApi {
  return createStrataApi({
    call: (channel, payload) =>
      (ipc.invoke(channel, payload) as Promise<Reply>).catch((error: unknown) =>
        failure('failed', `${channel}: ${error instanceof Error ? error.message : String(error)}`),
      ),
    on(event, listener) {
      if (!(eventChannels as readonly string[]).includes(event)) {
        throw new Error(`"${String(event)}" is not an event channel of the Strata API.`);
      }
      const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipc.on(event as EventChannel, forward);
      return () => {
        ipc.removeListener(event, forward);
      };
    },
  });
}

/** Puts the API on `window.strata` in the page's isolated world. */
export function exposeApi(
  bridge: Pick<ContextBridge, 'exposeInMainWorld'>,
  ipc: Parameters<typeof preloadApi>[0],
): void {
  bridge.exposeInMainWorld('strata', preloadApi(ipc));
}
