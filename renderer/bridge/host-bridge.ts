import type { KassaBridge } from '../../shared/contract';

/**
 * The contract's KassaBridge plus the one thing the UI needs to know about the host: whether live
 * events are flowing. Over HTTP the event stream can drop and come back; events sent in between
 * are lost, so screens that follow a sale re-fetch it when the connection returns. Electron's IPC
 * never drops, so its adapter never reports a change.
 */
export interface HostBridge extends KassaBridge {
  /** Called with `false` when live updates stop and `true` when they resume; returns an unsubscribe. */
  onConnectionChange(listener: (connected: boolean) => void): () => void;
  /**
   * Web host only: a one-time address that opens the customer display in another window or
   * browser, signed in for the display and nothing else. Electron opens its own display window.
   */
  customerDisplayAddress?(): Promise<string | null>;
}
