import { useTranslation } from 'react-i18next';
import type { ReturningCheck } from '../../../shared/agreements';
import type { AgreementAction } from './AgreementCard';
import { useAgreementWords } from './AgreementFacts';

interface Props {
  check: ReturningCheck;
  onOpen(agreementId: string, action: AgreementAction): void;
  onSendAnyway(): void;
}

/**
 * Before a new agreement: the person already has one. Same plan → change it or look at it, never
 * a second one; other plans → shown, and the cashier may go on; billing unreachable → said, and the
 * cashier decides.
 */
export function ReturningNotice({ check, onOpen, onSendAnyway }: Props) {
  const { t } = useTranslation();
  const words = useAgreementWords();
  return (
    <div className={`notice ${check.state === 'same-plan' ? 'notice--warning' : 'notice--info'}`} role="alert" data-testid="returning-notice" data-state={check.state}>
      <p className="notice-title">{t(`customers.returning.${check.state}`)}</p>
      {check.agreements.length > 0 && (
        <ul className="returning-list">
          {check.agreements.map((a) => (
            <li key={a.agreementId} data-testid={`returning-${a.agreementId}`}>
              {a.live?.productName ?? a.planId ?? a.agreementId}
              {a.live && <> · {words.price(a.live.pricing)} · {t(`customers.liveStatus.${a.live.status}`)}</>}
              <span className="returning-actions">
                <button type="button" className="button button--secondary" data-testid="returning-change" onClick={() => onOpen(a.agreementId, 'change')}>
                  {t('customers.changePlan')}
                </button>
                <button type="button" className="button button--secondary" data-testid="returning-show" onClick={() => onOpen(a.agreementId, null)}>
                  {t('customers.showAgreement')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {check.state !== 'same-plan' && (
        <button type="button" className="button button--primary" data-testid="send-anyway" onClick={onSendAnyway}>
          {t('customers.returning.sendAnyway')}
        </button>
      )}
    </div>
  );
}
