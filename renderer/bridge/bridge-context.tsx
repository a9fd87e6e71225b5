import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { HostBridge } from './host-bridge';

const BridgeContext = createContext<HostBridge | null>(null);

export function BridgeProvider({ bridge, children }: { bridge: HostBridge; children: ReactNode }) {
  return <BridgeContext value={bridge}>{children}</BridgeContext>;
}

export function useBridge(): HostBridge {
  const bridge = useContext(BridgeContext);
  if (!bridge) throw new Error('useBridge needs a BridgeProvider above it');
  return bridge;
}

/** Whether live updates from the core are flowing (always true under Electron). */
export function useConnected(): boolean {
  const bridge = useBridge();
  const [connected, setConnected] = useState(true);
  useEffect(() => bridge.onConnectionChange(setConnected), [bridge]);
  return connected;
}
