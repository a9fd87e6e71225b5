import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppInfo } from '../../../shared/app-info';
import type { CustomerDisplay } from '../../../shared/sale';
import { useBridge } from '../../bridge/bridge-context';
import { applyShopLanguage } from '../../i18n';

/** Nobody stands at this screen to press "Try again": it keeps trying on its own. */
const RETRY_MS = 3_000;
/** Events carry every change; this only catches one lost before the stream noticed it had dropped. */
const SAFETY_REFRESH_MS = 15_000;

/** What the customer display shows, straight from the core: `display.get`, then `display.changed`. */
export function useCustomerDisplay() {
  const bridge = useBridge();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [display, setDisplay] = useState<CustomerDisplay | null>(null);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    async function start() {
      const result = await bridge.invoke('app.info', {});
      if (stopped) return;
      if (!result.ok) {
        timer = setTimeout(() => void start(), RETRY_MS);
        return;
      }
      await applyShopLanguage(result.value.shop);
      setInfo(result.value);
    }
    void start();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [bridge]);

  // Events and `display.get` answers travel on different connections: an answer computed before a
  // change can arrive after the change's event, and must not put the older picture back up (a paid
  // sale shown as still waiting until the next refresh).
  const eventsSeen = useRef(0);
  const refresh = useCallback(async () => {
    const before = eventsSeen.current;
    const result = await bridge.invoke('display.get', {});
    // On failure the last picture stays: better than flashing an error at a customer.
    if (result.ok && eventsSeen.current === before) setDisplay(result.value);
  }, [bridge]);

  useEffect(
    () =>
      bridge.on('display.changed', (changed) => {
        eventsSeen.current += 1;
        setDisplay(changed);
      }),
    [bridge],
  );
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), SAFETY_REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);
  useEffect(
    () =>
      bridge.onConnectionChange((connected) => {
        if (connected) void refresh();
      }),
    [bridge, refresh],
  );

  return { info, display };
}
