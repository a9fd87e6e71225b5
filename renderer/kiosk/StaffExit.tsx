import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '../../shared/staff';
import { useBridge } from '../bridge/bridge-context';
import { PinPad } from '../features/staff/PinPad';

/** Held this long, the corner opens the staff exit; a customer's tap does nothing. */
export const HOLD_MS = 3_000;

/**
 * The staff's way out of the kiosk: hold the top-left corner for three seconds, choose a manager,
 * type the PIN. Wrong PINs count towards the same lockout as signing in; a right one signs that
 * manager in at the till.
 */
export function StaffExit({ shopName }: { shopName: string }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const hold = useRef<number | null>(null);
  const [open, setOpen] = useState(false);

  const press = () => {
    hold.current = window.setTimeout(() => setOpen(true), HOLD_MS);
  };
  const release = () => {
    if (hold.current !== null) window.clearTimeout(hold.current);
    hold.current = null;
  };

  return (
    <>
      <button
        type="button"
        className="kiosk-corner"
        aria-label={t('kiosk.staffCorner', { shop: shopName })}
        data-testid="kiosk-staff-corner"
        onPointerDown={press}
        onPointerUp={release}
        onPointerLeave={release}
      />
      {open && <ExitDialog bridge={bridge} onClose={() => setOpen(false)} />}
    </>
  );
}

function ExitDialog({ bridge, onClose }: { bridge: ReturnType<typeof useBridge>; onClose(): void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [managers, setManagers] = useState<StaffMember[]>([]);
  const [managerId, setManagerId] = useState('');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    void bridge.invoke('staff.list', {}).then((result) => {
      if (!result.ok) return;
      const found = result.value.filter((member) => member.role === 'manager');
      setManagers(found);
      setManagerId(found[0]?.id ?? '');
    });
    return () => dialog?.close();
  }, [bridge]);

  const exit = async () => {
    setBusy(true);
    const result = await bridge.invoke('kiosk.exit', { staffId: managerId, pin });
    setBusy(false);
    // On success the till's session changes, and the app leaves the kiosk by itself.
    if (!result.ok) {
      setPin('');
      setError(result.error.message);
    }
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} data-testid="kiosk-exit" onCancel={(event) => { event.preventDefault(); onClose(); }}>
      <h2 id={titleId} className="dialog-title">{t('kiosk.exitTitle')}</h2>
      <div className="staff-list">
        {managers.map((manager) => (
          <button key={manager.id} type="button" className="staff-button" aria-pressed={manager.id === managerId} onClick={() => setManagerId(manager.id)}>
            <span className="staff-name">{manager.name}</span>
          </button>
        ))}
      </div>
      <PinPad value={pin} onChange={(next) => { setPin(next); setError(null); }} onSubmit={() => void exit()} busy={busy || !managerId} error={error} submitLabel={t('kiosk.exit')} testId="kiosk-exit-pin" />
      <div className="dialog-actions">
        <button type="button" className="button button--secondary" onClick={onClose} disabled={busy}>
          {t('approval.cancel')}
        </button>
      </div>
    </dialog>
  );
}
