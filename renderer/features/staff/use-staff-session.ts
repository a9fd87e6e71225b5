import { useCallback, useState } from 'react';
import type { AppError } from '../../../shared/result';
import type { StaffSession } from '../../../shared/staff';
import { useBridge } from '../../bridge/bridge-context';
import { useLive } from '../../bridge/use-live';

/** Who is signed in at this till, kept live: an idle sign-out or a switch on another tab shows at once. */
export function useStaffSession() {
  const bridge = useBridge();
  const [session, setSession] = useState<StaffSession | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const load = useCallback(async () => {
    const result = await bridge.invoke('staff.session', {});
    if (result.ok) {
      setSession(result.value);
      setError(null);
    } else {
      setError(result.error);
    }
  }, [bridge]);
  useLive('staff.changed', setSession, load);

  return { session, error, reload: load, setSession };
}
