import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/result';
import type { StaffSession } from '../../../shared/staff';
import { useBridge } from '../../bridge/bridge-context';

/** A real shop's first start: the first manager, who can then add everyone else. */
export function SetupScreen({ onDone }: { onDone(session: StaffSession): void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const nameId = useId();
  const pinId = useId();
  const repeatId = useId();
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{4,8}$/.test(pin)) return setError(t('staff.pinRule'));
    if (pin !== repeat) return setError(t('staff.pinsDiffer'));
    setBusy(true);
    const result = await bridge.invoke('staff.setup', { name, pin });
    setBusy(false);
    if (result.ok) return onDone(result.value);
    setError((result.error as AppError).message);
  };

  return (
    <main className="sign-in" data-testid="staff-setup">
      <form className="panel sign-in-panel" onSubmit={(event) => void submit(event)} noValidate>
        <h1 className="sign-in-title">{t('staff.setupTitle')}</h1>
        <p>{t('staff.setupBody')}</p>
        <label htmlFor={nameId} className="field-label">{t('staff.name')}</label>
        <input id={nameId} className="text-input" value={name} onChange={(event) => setName(event.target.value)} autoComplete="name" required />
        <label htmlFor={pinId} className="field-label">{t('staff.newPin')}</label>
        <input id={pinId} className="text-input" type="password" inputMode="numeric" autoComplete="new-password" value={pin} onChange={(event) => setPin(event.target.value.replace(/\D/g, '').slice(0, 8))} />
        <label htmlFor={repeatId} className="field-label">{t('staff.repeatPin')}</label>
        <input id={repeatId} className="text-input" type="password" inputMode="numeric" autoComplete="new-password" value={repeat} onChange={(event) => setRepeat(event.target.value.replace(/\D/g, '').slice(0, 8))} />
        {error && <p className="field-error" role="alert">{error}</p>}
        <button type="submit" className="button button--primary button--large" disabled={busy || name.trim() === ''}>
          {t('staff.createManager')}
        </button>
      </form>
    </main>
  );
}
