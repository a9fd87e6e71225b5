import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementView } from '../../../shared/agreements';
import type { Plan } from '../../../shared/catalogue';
import { useFormat } from '../../format/locale-context';
import { useAgreementWords } from './AgreementFacts';
import { ChangePlanPanel } from './ChangePlanPanel';
import { ChargesPanel } from './ChargesPanel';
import { StopPanel } from './StopPanel';

export type AgreementAction = 'change' | 'stop' | 'charges' | null;

interface Props {
  agreement: AgreementView;
  plans: Plan[];
  initialAction?: AgreementAction;
  onChanged(): void;
}

/** One agreement: the plan, price, interval, live status and next charge, beside billing's copy. */
export function AgreementCard({ agreement, plans, initialAction = null, onChanged }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const words = useAgreementWords();
  const [action, setAction] = useState<AgreementAction>(initialAction);
  const live = agreement.live;
  const planName = plans.find((p) => p.id === agreement.planId)?.name ?? live?.productName ?? agreement.planId ?? '—';
  const active = live?.status === 'ACTIVE';

  return (
    <article className="agreement-card panel" data-testid={`agreement-${agreement.agreementId}`} aria-label={t('customers.agreementLabel', { id: agreement.agreementId })}>
      <h3 className="agreement-card-title">{planName}</h3>
      <dl className="agreement-facts">
        <dt>{t('customers.agreementId')}</dt>
        <dd data-testid="agreement-card-id">{agreement.agreementId}</dd>
        <dt>{t('customers.status')}</dt>
        <dd data-testid="agreement-status">
          {live ? t(`customers.liveStatus.${live.status}`) : t('customers.liveUnknown')}
          {agreement.stoppedBy && <> — {t(`customers.stoppedBy.${agreement.stoppedBy}`)}</>}
        </dd>
        {live && (
          <>
            <dt>{t('customers.price')}</dt>
            <dd data-testid="agreement-price">{words.price(live.pricing)}</dd>
            <dt>{t('customers.interval')}</dt>
            <dd>{words.interval(live.interval)}</dd>
            <dt>{t('customers.nextCharge')}</dt>
            <dd data-testid="agreement-next-charge">{live.nextChargeDate ? format.day(live.nextChargeDate) : '—'}</dd>
          </>
        )}
        {agreement.billing && (
          <>
            <dt>{t('customers.billingId')}</dt>
            <dd>
              {agreement.billing.billingAgreementId} · {agreement.billing.accountId}
            </dd>
          </>
        )}
      </dl>
      {agreement.liveError && (
        <p className="notice notice--warning" role="status">
          {t('customers.liveError', { message: agreement.liveError.message })}
        </p>
      )}
      {agreement.disagreements.length > 0 && (
        <div className="notice notice--warning" role="status" data-testid="agreement-disagreement">
          <p className="notice-title">{t('customers.disagree')}</p>
          <ul>
            {agreement.disagreements.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="agreement-actions" role="group" aria-label={t('customers.actions')}>
        <button type="button" className="button button--secondary" data-testid="action-change" disabled={!active} aria-pressed={action === 'change'} onClick={() => setAction(action === 'change' ? null : 'change')}>
          {t('customers.changePlan')}
        </button>
        <button type="button" className="button button--secondary" data-testid="action-stop" disabled={!active} aria-pressed={action === 'stop'} onClick={() => setAction(action === 'stop' ? null : 'stop')}>
          {t('customers.stopAgreement')}
        </button>
        <button type="button" className="button button--secondary" data-testid="action-charges" aria-pressed={action === 'charges'} onClick={() => setAction(action === 'charges' ? null : 'charges')}>
          {t('customers.showCharges')}
        </button>
      </div>
      {action === 'change' && active && <ChangePlanPanel agreement={agreement} plans={plans} onChanged={onChanged} onStopInstead={() => setAction('stop')} />}
      {action === 'stop' && <StopPanel agreement={agreement} onChanged={onChanged} />}
      {action === 'charges' && <ChargesPanel agreement={agreement} />}
    </article>
  );
}
