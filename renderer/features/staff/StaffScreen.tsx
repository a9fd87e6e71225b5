import { errorText } from '../../i18n/error-text';
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/result';
import type { StaffMember, StaffRole } from '../../../shared/staff';
import { useBridge } from '../../bridge/bridge-context';

/** The till's staff, for a manager: who can sign in here, and adding a cashier or another manager. */
export function StaffScreen() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const headingId = useId();
  const nameId = useId();
  const pinId = useId();
  const roleId = useId();
  const [staff, setStaff] = useState<StaffMember[]>([]);
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [role, setRole] = useState<StaffRole>('cashier');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [added, setAdded] = useState<StaffMember | null>(null);

  const load = useCallback(async () => {
    const result = await bridge.invoke('staff.list', {});
    if (result.ok) setStaff(result.value);
  }, [bridge]);
  useEffect(() => {
    void load();
  }, [load]);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await bridge.invoke('staff.create', { name, role, pin });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setAdded(result.value);
    setName('');
    setPin('');
    void load();
  };

  return (
    <section className="panel staff-panel" aria-labelledby={headingId} data-testid="staff-screen">
      <h2 id={headingId} className="panel-title">{t('staff.screenTitle')}</h2>
      <ul className="staff-rows">
        {staff.map((member) => (
          <li key={member.id} data-testid={`staff-row-${member.name}`}>
            <span className="staff-name">{member.name}</span>
            <span className="staff-role">{t(`staff.role.${member.role}`)}</span>
          </li>
        ))}
      </ul>
      <form className="staff-add" onSubmit={(event) => void add(event)} noValidate>
        <h3>{t('staff.addTitle')}</h3>
        <label htmlFor={nameId} className="field-label">{t('staff.name')}</label>
        <input id={nameId} className="text-input" value={name} onChange={(event) => setName(event.target.value)} data-testid="new-staff-name" />
        <label htmlFor={roleId} className="field-label">{t('staff.roleLabel')}</label>
        <select id={roleId} className="text-input" value={role} onChange={(event) => setRole(event.target.value as StaffRole)} data-testid="new-staff-role">
          <option value="cashier">{t('staff.role.cashier')}</option>
          <option value="manager">{t('staff.role.manager')}</option>
        </select>
        <label htmlFor={pinId} className="field-label">{t('staff.newPin')}</label>
        <input
          id={pinId}
          className="text-input"
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          value={pin}
          onChange={(event) => setPin(event.target.value.replace(/\D/g, '').slice(0, 8))}
          data-testid="new-staff-pin"
        />
        {error && (
          <p className="field-error" role="alert" data-testid="new-staff-error">
            {errorText(error)}
          </p>
        )}
        {added && !error && (
          <p role="status" data-testid="new-staff-added">
            {t('staff.added', { name: added.name, role: t(`staff.role.${added.role}`) })}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={busy || name.trim() === '' || pin.length < 4} data-testid="new-staff-submit">
          {t('staff.add')}
        </button>
      </form>
    </section>
  );
}
