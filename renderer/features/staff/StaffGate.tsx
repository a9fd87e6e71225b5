import { useCallback, useEffect, type ReactNode } from 'react';
import { applyLanguage, applyShopLanguage } from '../../i18n';
import type { AppInfo } from '../../../shared/app-info';
import type { StaffMember } from '../../../shared/staff';
import { useBridge } from '../../bridge/bridge-context';
import { StartupScreen } from '../shell/StartupScreen';
import { SetupScreen } from './SetupScreen';
import { SignInScreen } from './SignInScreen';
import { StaffProvider } from './staff-context';
import { useStaffSession } from './use-staff-session';

/**
 * Nothing behind this gate is seen without a signed-in member of staff. The core enforces the same
 * on every call; the gate only decides which screen to show (sign-in, the first manager, the till;
 * on a kiosk till, `signedOut` is the kiosk itself).
 */
export function StaffGate({ info, children, signedOut }: { info: AppInfo; children: (user: StaffMember) => ReactNode; signedOut?: ReactNode }) {
  const bridge = useBridge();
  const { session, error, reload, setSession } = useStaffSession();
  // A member's own language follows them to any till screen; nobody signed in: the shop's.
  const language = session?.user?.language ?? null;
  useEffect(() => {
    void (language ? applyLanguage(language) : applyShopLanguage(info.shop));
  }, [language, info.shop]);

  const signOut = useCallback(() => {
    void bridge.invoke('staff.signOut', {}).then((result) => result.ok && setSession(result.value));
  }, [bridge, setSession]);

  if (!session) return <StartupScreen error={error ?? undefined} onRetry={() => void reload()} />;
  if (session.user) {
    return (
      <StaffProvider key={session.user.id} value={{ user: session.user, signOut }}>
        {children(session.user)}
      </StaffProvider>
    );
  }
  if (signedOut) return signedOut;
  if (session.setupNeeded) return <SetupScreen onDone={setSession} />;
  return <SignInScreen info={info} session={session} onSignedIn={setSession} />;
}
