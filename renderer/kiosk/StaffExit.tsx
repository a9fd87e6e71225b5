import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBridge } from '../bridge/bridge-context';
import { ManagerApprovalDialog } from '../features/staff/ManagerApprovalDialog';

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
      {open && (
        <ManagerApprovalDialog
          what={t('kiosk.exitTitle')}
          title={t('kiosk.exitTitle')}
          submitLabel={t('kiosk.exit')}
          testId="kiosk-exit"
          // On success the till's session changes, and the app leaves the kiosk by itself.
          run={(approval) => bridge.invoke('kiosk.exit', approval)}
          onDone={() => setOpen(false)}
          onCancel={() => setOpen(false)}
        />
      )}
    </>
  );
}
