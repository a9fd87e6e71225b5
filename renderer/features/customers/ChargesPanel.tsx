import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementView, ChargeView } from '../../../shared/agreements';
import type { AppError } from '../../../shared/result';
import { useBridge } from '../../bridge/bridge-context';
import { useIntention } from '../../bridge/use-intention';
import { useFormat } from '../../format/locale-context';
import { MoneyField } from '../../ui/MoneyField';
import { useWithManager } from '../staff/use-with-manager';
import { OperationStatus } from './OperationStatus';
import { useOperation } from './use-operation';

/** The agreement's charges (ListCharges), with refund and cancel for a manager. */
export function ChargesPanel({ agreement }: { agreement: AgreementView }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const headingId = useId();
  const [charges, setCharges] = useState<ChargeView[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const load = useCallback(async () => {
    const result = await bridge.invoke('agreement.charges', { agreementId: agreement.agreementId });
    if (result.ok) setCharges(result.value);
    else setError(result.error);
  }, [bridge, agreement.agreementId]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="customer-action" aria-labelledby={headingId} data-testid="charges-panel">
      <h4 id={headingId}>{t('customers.charges.title')}</h4>
      {error && (
        <p className="notice notice--error" role="alert">
          {error.message}
        </p>
      )}
      {charges && charges.length === 0 && <p>{t('customers.charges.none')}</p>}
      {charges && charges.length > 0 && (
        <ul className="charge-list">
          {charges.map((charge) => (
            <ChargeRow key={charge.id} agreementId={agreement.agreementId} charge={charge} onChanged={load} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ChargeRow({ agreementId, charge, onChanged }: { agreementId: string; charge: ChargeView; onChanged(): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [text, setText] = useState('');
  const refundCharge = useIntention('charge.refund');
  const cancelCharge = useIntention('charge.cancel');
  const { withManager, approvalDialog } = useWithManager();
  const { busy, run, reset, status } = useOperation(onChanged);
  const parsed = format.parseMoney(text, charge.currency);
  const amount = parsed.state === 'valid' ? parsed.amount : null;
  const money = (value: number) => format.money(value, charge.currency);

  return (
    <li className="charge-row" data-testid={`charge-${charge.id}`}>
      <p>
        <strong>{money(charge.amount)}</strong> · {charge.description} · {t('customers.charges.due', { date: charge.due ? format.day(charge.due) : '—' })} ·{' '}
        <span data-testid="charge-status">{t(`customers.chargeStatus.${charge.status}`, { defaultValue: charge.status })}</span>
        {charge.refunded > 0 && <> · {t('customers.charges.refunded', { amount: money(charge.refunded) })}</>}
        {charge.failureReason && <> · {t(`customers.failureReason.${charge.failureReason}`, { defaultValue: charge.failureReason })}</>}
      </p>
      {charge.refundable > 0 && (
        <div className="charge-refund">
          <MoneyField
            label={t('customers.charges.refundAmount')}
            unit={charge.currency}
            placeholder={format.moneyInput(charge.refundable, charge.currency)}
            testId="charge-refund-amount"
            value={text}
            feedback={{ kind: 'hint', text: t('customers.charges.refundable', { amount: money(charge.refundable) }) }}
            onChange={(next) => {
              setText(next);
              reset();
            }}
          />
          <button
            type="button"
            className="button button--danger-outline"
            data-testid="charge-refund-submit"
            disabled={busy || amount === null || amount <= 0}
            onClick={() =>
              void run(() =>
                withManager(t('customers.charges.refundWhat', { amount: money(amount ?? 0) }), (approval) =>
                  refundCharge({ agreementId, chargeId: charge.id, amount: amount!, currency: charge.currency, ...(approval ? { approval } : {}) }),
                ),
              )
            }
          >
            {t('customers.charges.refund')}
          </button>
        </div>
      )}
      {charge.cancellable && (
        <button
          type="button"
          className="button button--secondary"
          data-testid="charge-cancel"
          disabled={busy}
          onClick={() =>
            void run(() => withManager(t('customers.charges.cancelWhat', { amount: money(charge.amount) }), (approval) => cancelCharge({ agreementId, chargeId: charge.id, ...(approval ? { approval } : {}) })))
          }
        >
          {t('customers.charges.cancel')}
        </button>
      )}
      <OperationStatus {...status} />
      {approvalDialog}
    </li>
  );
}
