import { useCallback, useEffect, useRef, useState } from 'react';
import type { AgreementOperation } from '../../../shared/agreements';
import type { AppError, Result } from '../../../shared/result';
import { useBridge } from '../../bridge/bridge-context';

/**
 * One change of an agreement, from the press to the end: sends the intention once (the caller's
 * useIntention keeps its request id across retries), then follows the stored operation while Vipps
 * has it (requested, or accepted after a 202) until it is done or failed. Every state is shown.
 */
export function useOperation(onFinished: () => void) {
  const bridge = useBridge();
  const [operation, setOperation] = useState<AgreementOperation | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);
  const finished = useRef(onFinished);
  finished.current = onFinished;

  useEffect(() => {
    if (!operation || operation.status === 'done' || operation.status === 'failed') return;
    const timer = setTimeout(async () => {
      const fresh = await bridge.invoke('agreement.operation', { operationId: operation.id });
      if (fresh.ok) setOperation(fresh.value);
    }, 1_000);
    return () => clearTimeout(timer);
  }, [bridge, operation]);

  useEffect(() => {
    if (operation?.status === 'done' || operation?.status === 'failed') finished.current();
  }, [operation?.status]);

  const run = useCallback(async (send: () => Promise<Result<AgreementOperation> | null>) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    const result = await send();
    inFlight.current = false;
    setBusy(false);
    if (result === null) return;
    if (result.ok) setOperation(result.value);
    else setError(result.error);
  }, []);

  const reset = useCallback(() => {
    setOperation(null);
    setError(null);
  }, []);
  return { operation, error, busy, run, reset };
}
