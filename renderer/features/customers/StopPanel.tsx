import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementView } from '../../../shared/agreements';
import { useIntention } from '../../bridge/use-intention';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { OperationStatus } from './OperationStatus';
import { useOperation } from './use-operation';

/** Stop with a reason, after a confirmation that it cannot be undone (Vipps: STOPPED is final). */
export function StopPanel({ agreement, onChanged }: { agreement: AgreementView; onChanged(): void }) {
  const { t } = useTranslation();
  const reasonId = useId();
  const [reason, setReason] = useState('');
  const [asking, setAsking] = useState(false);
  const stopAgreement = useIntention('agreement.stop');
  const { operation, busy, run, status } = useOperation(onChanged);
  const valid = reason.trim().length >= 3;

  return (
    <section className="customer-action" aria-labelledby={`${reasonId}-title`} data-testid="stop-panel">
      <h4 id={`${reasonId}-title`}>{t('customers.stop.title')}</h4>
      <label className="field-label" htmlFor={reasonId}>
        {t('customers.stop.reason')}
      </label>
      <input id={reasonId} className="text-input" data-testid="stop-reason" value={reason} onChange={(e) => setReason(e.target.value)} disabled={busy || operation !== null} />
      {operation === null && (
        <button type="button" className="button button--danger-outline" data-testid="stop-submit" disabled={!valid || busy} onClick={() => setAsking(true)}>
          {t('customers.stop.submit')}
        </button>
      )}
      {asking && (
        <ConfirmDialog
          title={t('customers.stop.confirmTitle')}
          body={t('customers.stop.confirmBody', { name: agreement.live?.productName ?? agreement.agreementId })}
          cancelLabel={t('customers.stop.dontStop')}
          confirmLabel={t('customers.stop.confirm')}
          confirmTestId="stop-confirm"
          busy={busy}
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false);
            void run(() => stopAgreement({ agreementId: agreement.agreementId, reason: reason.trim() }));
          }}
        />
      )}
      <OperationStatus {...status} />
    </section>
  );
}
