import { errorText } from '../../i18n/error-text';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/app-info';
import type { AppError } from '../../../shared/result';
import type { StaffMember, StaffSession } from '../../../shared/staff';
import { useBridge } from '../../bridge/bridge-context';
import { PinPad } from './PinPad';

interface Props {
  info: AppInfo;
  session: StaffSession;
  onSignedIn(session: StaffSession): void;
}

/**
 * Who is at the till: pick your name, type your PIN. A quick switch on a shared till is the same
 * screen. In training mode the demo staff and their PINs are on it, so a newcomer is never stuck.
 */
export function SignInScreen({ info, session, onSignedIn }: Props) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const [staff, setStaff] = useState<StaffMember[] | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [chosen, setChosen] = useState<StaffMember | null>(null);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const load = useCallback(async () => {
    const result = await bridge.invoke('staff.list', {});
    if (result.ok) setStaff(result.value);
    else setLoadError(result.error);
  }, [bridge]);
  useEffect(() => {
    void load();
  }, [load]);

  const choose = (member: StaffMember) => {
    setChosen(member);
    setPin('');
    setError(null);
  };

  const signIn = async () => {
    if (!chosen) return;
    setBusy(true);
    const result = await bridge.invoke('staff.signIn', { staffId: chosen.id, pin });
    setBusy(false);
    if (result.ok) return onSignedIn(result.value);
    setPin('');
    setError(result.error);
  };

  return (
    <main className="sign-in" data-testid="sign-in">
      <div className="panel sign-in-panel">
        <h1 className="sign-in-title">{t('staff.signInTitle', { shop: info.shop.name })}</h1>
        {session.demoPins && (
          <div className="notice notice--info" data-testid="demo-pins">
            <p className="notice-title">{t('staff.demoTitle')}</p>
            <ul className="demo-pins">
              {session.demoPins.map((demo) => (
                <li key={demo.name}>
                  {t('staff.demoPin', { name: demo.name, role: t(`staff.role.${demo.role}`), pin: demo.pin })}
                </li>
              ))}
            </ul>
          </div>
        )}
        {loadError && (
          <p className="field-error" role="alert">
            {errorText(loadError)}
          </p>
        )}
        <fieldset className="staff-choice">
          <legend className="field-label">{t('staff.whoAreYou')}</legend>
          <div className="staff-list">
            {staff?.map((member) => (
              <button
                key={member.id}
                type="button"
                className="staff-button"
                aria-pressed={chosen?.id === member.id}
                data-testid={`staff-${member.name}`}
                onClick={() => choose(member)}
              >
                <span className="staff-name">{member.name}</span>
                <span className="staff-role">{t(`staff.role.${member.role}`)}</span>
              </button>
            ))}
          </div>
        </fieldset>
        {chosen && (
          <PinPad
            key={chosen.id}
            value={pin}
            onChange={(next) => {
              setPin(next);
              setError(null);
            }}
            onSubmit={() => void signIn()}
            busy={busy}
            error={error ? errorText(error) : null}
            submitLabel={t('staff.signIn')}
          />
        )}
      </div>
    </main>
  );
}
