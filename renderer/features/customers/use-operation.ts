import { useCallback, useEffect, useRef, useState } from 'react';
import type { AgreementOperation } from '../../../shared/agreements';
import type { AppError, Result } from '../../../shared/result';
import { useBridge } from '../../bridge/bridge-context';
import type { OperationStatusProps } from './OperationStatus';

/** The till itself follows only these; `unconfirmed` waits for the cashier's "check again". */
const followed = (operation: AgreementOperation | null) => operation?.status === 'requested' || operation?.status === 'accepted';

/**
 * One change of an agreement, from the press to the end: sends the intention once (the caller's
 * useIntention keeps its request id across retries), then follows the stored operation while Vipps
 * has it (requested, or accepted after a 202) until it is done, failed, or unconfirmed (the core
 * gave up following a 202 at its deadline; the cashier may check again). Every state is shown.
 */
export function useOperation(onFinished: () => void) {
  const bridge = useBridge();
  const [operation, setOperation] = useState<AgreementOperation | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [checking, setChecking] = useState(false);
  const inFlight = useRef(false);
  const finished = useRef(onFinished);
  finished.current = onFinished;

  useEffect(() => {
    if (!operation || !followed(operation)) return;
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

  const operationId = operation?.id;
  const checkAgain = useCallback(async () => {
    if (!operationId) return;
    setChecking(true);
    const result = await bridge.invoke('agreement.recheck', { operationId });
    setChecking(false);
    if (result.ok) setOperation(result.value);
    else setError(result.error);
  }, [bridge, operationId]);

  const reset = useCallback(() => {
    setOperation(null);
    setError(null);
  }, []);

  const status: OperationStatusProps = { operation, error, checking, onCheckAgain: () => void checkAgain() };
  return { operation, error, busy, run, reset, status };
}
