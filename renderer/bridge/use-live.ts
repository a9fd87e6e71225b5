import { useEffect } from 'react';
import type { EventName, EventPayload } from '../../shared/contract';
import { useBridge } from './bridge-context';

/**
 * Keeps a view live: listens to `event`, loads once, and loads again after the connection to the
 * core comes back (events sent while it was gone are lost). The listener is attached before the
 * first load, so nothing slips between the two.
 */
export function useLive<N extends EventName>(event: N, onEvent: (payload: EventPayload<N>) => void, load: () => Promise<unknown>): void {
  const bridge = useBridge();
  useEffect(() => bridge.on(event, onEvent), [bridge, event, onEvent]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(
    () =>
      bridge.onConnectionChange((connected) => {
        if (connected) void load();
      }),
    [bridge, load],
  );
}
