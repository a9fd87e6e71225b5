import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { displayCalls, displayEvents } from '../../shared/access';
import { eventChannel, eventNames, invokeChannel, invokeNames } from '../../shared/channels';
import type { Core } from '../core/create-core';
import { dispatch } from '../core/dispatch';

/** Which of the till's own windows sent a call: the till's, the customer display's, or neither. */
export type SenderScope = 'till' | 'display' | null;

/**
 * The only caller of ipcMain.handle. Every channel comes from the contract; a call from any frame
 * other than the till's own top-level pages is refused before its payload is even parsed, and the
 * customer display's window reaches only the display's calls, as it does in the web host.
 */
export function registerIpc(core: Core, scopeOf: (event: IpcMainInvokeEvent) => SenderScope): () => void {
  for (const name of invokeNames) {
    ipcMain.handle(invokeChannel(name), (event, request: unknown) => {
      const scope = scopeOf(event);
      if (scope === null || (scope === 'display' && !displayCalls.has(name))) {
        return { ok: false, error: { code: 'VALIDATION', message: 'This window may not make that call.' } };
      }
      return dispatch(core.handlers, name, request, core.logger);
    });
  }
  return () => invokeNames.forEach((name) => ipcMain.removeHandler(invokeChannel(name)));
}

/** Forwards core events to a window for as long as it lives; the customer display gets only its own. */
export function forwardEvents(core: Core, contents: WebContents, scope: Exclude<SenderScope, null> = 'till'): void {
  const names = scope === 'display' ? eventNames.filter((name) => displayEvents.has(name)) : eventNames;
  const unsubscribers = names.map((name) =>
    core.events.on(name, (payload) => {
      if (!contents.isDestroyed()) contents.send(eventChannel(name), payload);
    }),
  );
  contents.once('destroyed', () => unsubscribers.forEach((off) => off()));
}
