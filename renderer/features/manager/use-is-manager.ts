import { useEffect, useState } from 'react';
import { useBridge } from '../../bridge/bridge-context';

/** Whether a manager is signed in at this till right now (kept current by staff.changed). */
export function useIsManager(): boolean {
  const bridge = useBridge();
  const [manager, setManager] = useState(false);
  useEffect(() => {
    let live = true;
    void bridge.invoke('staff.session', {}).then((result) => {
      if (live && result.ok) setManager(result.value.user?.role === 'manager');
    });
    const off = bridge.on('staff.changed', (session) => setManager(session.user?.role === 'manager'));
    return () => {
      live = false;
      off();
    };
  }, [bridge]);
  return manager;
}
