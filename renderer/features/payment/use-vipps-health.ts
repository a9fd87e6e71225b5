import { useCallback, useRef, useState } from 'react';
import { useBridge } from '../../bridge/bridge-context';

/** unknown: the core could not say (it did not answer); that alone never blocks a payment. */
export type VippsReach = 'reachable' | 'unreachable' | 'unknown';

/**
 * Whether Vipps MobilePay answers right now, asked before a wallet payment is sent so a customer
 * is offered cash instead of waiting on a request that cannot arrive. The last answer stays while
 * a new one is asked for, so a "not answering" notice does not flicker away during "Try again".
 */
export function useVippsHealth() {
  const bridge = useBridge();
  const [reach, setReach] = useState<VippsReach | null>(null);
  const [checking, setChecking] = useState(false);
  // Only the newest question may answer, so a slow old one cannot overwrite a fresh one.
  const latest = useRef(0);
  // After a "not answering", Try again must really ask Vipps, not get the core's cached answer.
  const lastReach = useRef<VippsReach | null>(null);

  const check = useCallback(async (fresh = false): Promise<VippsReach> => {
    const request = ++latest.current;
    setChecking(true);
    const answer = await bridge.invoke('vipps.health', { fresh: fresh || lastReach.current === 'unreachable' });
    const next: VippsReach = answer.ok ? (answer.value.reachable ? 'reachable' : 'unreachable') : 'unknown';
    lastReach.current = next;
    if (request === latest.current) {
      setReach(next);
      setChecking(false);
    }
    return next;
  }, [bridge]);

  return { reach, checking, unreachable: reach === 'unreachable', check };
}

export type VippsHealth = ReturnType<typeof useVippsHealth>;
