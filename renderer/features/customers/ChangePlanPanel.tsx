import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementView, PlanChangePreview } from '../../../shared/agreements';
import type { Plan } from '../../../shared/catalogue';
import type { AppError } from '../../../shared/result';
import { useBridge } from '../../bridge/bridge-context';
import { useIntention } from '../../bridge/use-intention';
import { useFormat } from '../../format/locale-context';
import { useAgreementWords } from './AgreementFacts';
import { OperationStatus } from './OperationStatus';
import { useOperation } from './use-operation';

interface Props {
  agreement: AgreementView;
  plans: Plan[];
  onChanged(): void;
  onStopInstead(): void;
}

/** Pick the new plan, see old and new side by side and what the customer will see, then confirm. */
export function ChangePlanPanel({ agreement, plans, onChanged, onStopInstead }: Props) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const format = useFormat();
  const words = useAgreementWords();
  const selectId = useId();
  const [planId, setPlanId] = useState('');
  const [preview, setPreview] = useState<PlanChangePreview | null>(null);
  const [previewError, setPreviewError] = useState<AppError | null>(null);
  const changePlan = useIntention('agreement.changePlan');
  const { operation, busy, run, status } = useOperation(onChanged);

  useEffect(() => {
    setPreview(null);
    setPreviewError(null);
    if (!planId) return;
    let live = true;
    void bridge.invoke('agreement.previewChange', { agreementId: agreement.agreementId, planId }).then((result) => {
      if (!live) return;
      if (result.ok) setPreview(result.value);
      else setPreviewError(result.error);
    });
    return () => {
      live = false;
    };
  }, [bridge, agreement.agreementId, planId]);

  return (
    <section className="customer-action" aria-labelledby={`${selectId}-title`} data-testid="change-plan-panel">
      <h4 id={`${selectId}-title`}>{t('customers.change.title')}</h4>
      <label className="field-label" htmlFor={selectId}>
        {t('customers.change.newPlan')}
      </label>
      <select id={selectId} data-testid="change-plan-select" value={planId} onChange={(e) => setPlanId(e.target.value)} disabled={busy || operation !== null}>
        <option value="">{t('customers.change.choose')}</option>
        {plans.map((plan) => (
          <option key={plan.id} value={plan.id}>
            {plan.name}
          </option>
        ))}
      </select>
      {previewError && (
        <p className="notice notice--error" role="alert">
          {previewError.message}
        </p>
      )}
      {preview && (
        <div className="change-preview" data-testid="change-preview">
          <table className="change-table">
            <caption className="visually-hidden">{t('customers.change.compare')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('customers.change.what')}</th>
                <th scope="col">{t('customers.change.now')}</th>
                <th scope="col">{t('customers.change.after')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t('customers.plan')}</th>
                <td>{preview.from.productName}</td>
                <td data-testid="change-to-name">{preview.to.productName}</td>
              </tr>
              <tr>
                <th scope="row">{t('customers.price')}</th>
                <td>{words.price(preview.from.pricing)}</td>
                <td data-testid="change-to-price">{words.price(preview.to.pricing)}</td>
              </tr>
              <tr>
                <th scope="row">{t('customers.interval')}</th>
                <td>{words.interval(preview.from.interval)}</td>
                <td>{words.interval(preview.to.interval)}</td>
              </tr>
            </tbody>
          </table>
          {preview.blocked ? (
            <div className="notice notice--warning" role="alert" data-testid="change-blocked" data-reason={preview.blocked}>
              <p>{preview.message}</p>
              {(preview.blocked === 'CURRENCY' || preview.blocked === 'PRICING_TYPE') && (
                <button type="button" className="button button--secondary" data-testid="stop-and-new" onClick={onStopInstead}>
                  {t('customers.change.stopAndNew')}
                </button>
              )}
            </div>
          ) : (
            <>
              <p data-testid="change-applies">
                {preview.appliesFrom ? t('customers.change.appliesFrom', { date: format.day(preview.appliesFrom) }) : t('customers.change.appliesNow')}
              </p>
              <p>
                {preview.customerSees.length > 0
                  ? t('customers.change.customerSees', { what: preview.customerSees.map((w) => t(`customers.change.sees.${w}`)).join(', ') })
                  : t('customers.change.customerSeesNothing')}
              </p>
              {operation === null && (
                <button
                  type="button"
                  className="button button--primary"
                  data-testid="change-plan-confirm"
                  disabled={busy}
                  onClick={() => void run(() => changePlan({ agreementId: agreement.agreementId, planId }))}
                >
                  {busy ? t('customers.change.sending') : t('customers.change.confirm', { plan: preview.to.productName })}
                </button>
              )}
            </>
          )}
        </div>
      )}
      <OperationStatus {...status} />
    </section>
  );
}
