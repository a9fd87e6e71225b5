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
 * The only place that knows which host the page runs in. Electron's preload wins, so a shop's till
 * can never be talked into the fake by a query string; `?fake` only works in a plain browser.
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
  if (new URLSearchParams(window.location.search).has('fake')) {
    // Loaded on demand so the design-time fake stays out of the main bundle.
    const { createFakeBridge } = await import('./fake-bridge');
    return createFakeBridge(new URLSearchParams(window.location.search).get('fake') ?? '');
  }
  return createHttpBridge();
}
