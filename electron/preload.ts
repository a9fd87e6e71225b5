import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { eventChannel, eventNames, invokeChannel, invokeNames, type EventName, type InvokeName } from '../shared/channels';

/**
 * The sandboxed bridge: exactly one frozen object, `window.kassa`, with `invoke` and `on`. It
 * forwards only names in the contract and never hands the renderer an IpcRendererEvent or
 * ipcRenderer itself. No logic, no validation here: the main process validates everything.
 */
const allowedCalls = new Set<string>(invokeNames);
const allowedEvents = new Set<string>(eventNames);

contextBridge.exposeInMainWorld(
  'kassa',
  Object.freeze({
    invoke(name: string, request: unknown) {
      if (!allowedCalls.has(name)) return Promise.resolve({ ok: false, error: { code: 'VALIDATION', message: `Unknown call ${name}` } });
      return ipcRenderer.invoke(invokeChannel(name as InvokeName), request);
    },
    on(name: string, listener: (payload: unknown) => void) {
      if (!allowedEvents.has(name)) return () => undefined;
      const channel = eventChannel(name as EventName);
      const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, forward);
      return () => ipcRenderer.removeListener(channel, forward);
    },
  }),
);
