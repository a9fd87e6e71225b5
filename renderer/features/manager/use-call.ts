import { useCallback, useEffect, useRef, useState } from 'react';
import type { InvokeName, InvokeRequest, InvokeResponse } from '../../../shared/contract';
import type { AppError } from '../../../shared/result';
import { useBridge } from '../../bridge/bridge-context';

/** One read-only manager call, made again whenever its request changes; the latest answer wins. */
export function useCall<N extends InvokeName>(name: N, request: InvokeRequest<N>) {
  const bridge = useBridge();
  const [value, setValue] = useState<InvokeResponse<N> | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const latest = useRef(0);
  const key = JSON.stringify(request);

  const reload = useCallback(async () => {
    const mine = ++latest.current;
    const result = await bridge.invoke(name, JSON.parse(key) as InvokeRequest<N>);
    if (mine !== latest.current) return;
    if (result.ok) {
      setValue(result.value);
      setError(null);
    } else setError(result.error);
  }, [bridge, name, key]);

  useEffect(() => {
    void reload();
  }, [reload]);
  return { value, error, reload };
}
