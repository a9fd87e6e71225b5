import type { KassaBridge } from '../../shared/contract';
import type { HostBridge } from './host-bridge';
import { createHttpBridge } from './http-bridge';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent when the page is served by the web host. */
    kassa?: KassaBridge;
  }
}

/**
 * The only place that knows which host the page runs in: Electron's preload, or the web host that
 * served the page. Design work runs against the sandbox (training mode and its control API), never
 * against a second model of the domain in the renderer.
 */
export async function getBridge(): Promise<HostBridge> {
  const preload = window.kassa;
  if (preload) {
    return {
      invoke: (name, request) => preload.invoke(name, request),
      on: (name, listener) => preload.on(name, listener),
      // IPC does not drop, so there is never a change to report.
      onConnectionChange: () => () => {},
    };
  }
  return createHttpBridge();
}
