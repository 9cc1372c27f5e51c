import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { requestChannels } from '../../shared/api/methods.js';
import { failure } from '../../shared/api/reply.js';
import type { Reply } from '../../shared/api/reply.js';
import type { Session } from '../services/api/session.js';
import { isAppUrl } from './security.js';

/**
 * Registers one `ipcMain.handle` per request channel. Each checks that the sending frame is the
 * app's own page, then hands the payload to that window's session, which validates it against
 * the contract. The reply envelope goes back as is; the preload unwraps it.
 * Returns a function that removes the handlers.
 */
export function registerIpc(sessionOf: (sender: WebContents) => Session | undefined): () => void {
  for (const channel of requestChannels) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown): Promise<Reply> => {
      const frameUrl = event.senderFrame?.url;
      if (!isAppUrl(frameUrl)) {
        return Promise.resolve(
          failure(
            'forbidden-sender',
            `${channel}: refused a request from ${frameUrl ?? 'a closed frame'}, which is not the Strata app.`,
          ),
        );
      }
      const session = sessionOf(event.sender);
      if (!session)
        return Promise.resolve(
          failure('forbidden-sender', `${channel}: the sending window is not a Strata window.`),
        );
      return session.handle(channel, payload);
    });
  }
  return () => requestChannels.forEach((channel) => ipcMain.removeHandler(channel));
}
