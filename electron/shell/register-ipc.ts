import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { eventChannel, eventNames, invokeChannel, invokeNames } from '../../shared/channels';
import type { Core } from '../core/create-core';
import { dispatch } from '../core/dispatch';

/**
 * The only caller of ipcMain.handle. Every channel comes from the contract; a call from any frame
 * other than the till's own top-level page is refused before its payload is even parsed.
 */
export function registerIpc(core: Core, isTrustedSender: (event: IpcMainInvokeEvent) => boolean): () => void {
  for (const name of invokeNames) {
    ipcMain.handle(invokeChannel(name), (event, request: unknown) => {
      if (!isTrustedSender(event)) {
        return { ok: false, error: { code: 'VALIDATION', message: 'This window may not call Kassa.' } };
      }
      return dispatch(core.handlers, name, request, core.logger);
    });
  }
  return () => invokeNames.forEach((name) => ipcMain.removeHandler(invokeChannel(name)));
}

/** Forwards core events to a window for as long as it lives. */
export function forwardEvents(core: Core, contents: WebContents): void {
  const unsubscribers = eventNames.map((name) =>
    core.events.on(name, (payload) => {
      if (!contents.isDestroyed()) contents.send(eventChannel(name), payload);
    }),
  );
  contents.once('destroyed', () => unsubscribers.forEach((off) => off()));
}
