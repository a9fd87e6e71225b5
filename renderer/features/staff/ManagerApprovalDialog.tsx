import { errorText } from '../../i18n/error-text';
import { useEffect, useId, useState } from 'react';
import { useModalDialog } from '../../ui/use-modal-dialog';
import { useTranslation } from 'react-i18next';
import type { AppError, Result } from '../../../shared/result';
import type { Approval, StaffMember } from '../../../shared/staff';
import { useBridge } from '../../bridge/bridge-context';
import { PinPad } from './PinPad';

/** Answers that belong in this dialog (the manager can try again); anything else goes back to the screen. */
const approvalProblems = new Set<AppError['code']>(['PIN_REFUSED', 'STAFF_LOCKED', 'MANAGER_APPROVAL_NEEDED']);

interface Props {
  /** What the manager is approving, in a few words ("Refund 50,00 kr"). */
  what: string;
  /** For another use of the same manager-PIN dialog (leaving the kiosk): its own title, button and test ids. */
  title?: string;
  submitLabel?: string;
  testId?: string;
  run(approval: Approval): Promise<Result<unknown>>;
  onDone(result: Result<unknown>): void;
  onCancel(): void;
}

/**
 * A manager approves one action on the cashier's screen: chooses their name and types their PIN.
 * The PIN travels with that one request and is checked (and journalled, with both names) by the core.
 */
export function ManagerApprovalDialog({ what, title, submitLabel, testId = 'manager-approval', run, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const ref = useModalDialog();
  const titleId = useId();
  const [managers, setManagers] = useState<StaffMember[]>([]);
  const [managerId, setManagerId] = useState<string>('');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void bridge.invoke('staff.list', {}).then((result) => {
      if (!result.ok) return setError(errorText(result.error));
      const found = result.value.filter((member) => member.role === 'manager');
      setManagers(found);
      setManagerId((current) => current || found[0]?.id || '');
    });
  }, [bridge]);

  const approve = async () => {
    setBusy(true);
    const result = await run({ staffId: managerId, pin });
    setBusy(false);
    if (!result.ok && approvalProblems.has(result.error.code)) {
      setPin('');
      setError(errorText(result.error));
      return;
    }
    onDone(result);
  };

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id={titleId} className="dialog-title">{title ?? t('approval.title')}</h2>
      <p>{t('approval.body', { what })}</p>
      <fieldset className="staff-choice">
        <legend className="field-label">{t('approval.manager')}</legend>
        <div className="staff-list">
          {managers.map((manager) => (
            <button
              key={manager.id}
              type="button"
              className="staff-button"
              aria-pressed={manager.id === managerId}
              data-testid={`approver-${manager.name}`}
              onClick={() => {
                setManagerId(manager.id);
                setError(null);
              }}
            >
              <span className="staff-name">{manager.name}</span>
            </button>
          ))}
        </div>
      </fieldset>
      <PinPad value={pin} onChange={(next) => { setPin(next); setError(null); }} onSubmit={() => void approve()} busy={busy || !managerId} error={error} submitLabel={submitLabel ?? t('approval.approve')} testId={testId === 'manager-approval' ? 'approval-pin' : `${testId}-pin`} />
      <div className="dialog-actions">
        <button type="button" className="button button--secondary" onClick={onCancel} disabled={busy}>
          {t('approval.cancel')}
        </button>
      </div>
    </dialog>
  );
}
