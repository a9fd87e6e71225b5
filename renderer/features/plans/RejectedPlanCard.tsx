import { errorText } from '../../i18n/error-text';
import { useTranslation } from 'react-i18next';
import type { RejectedPlan } from '../../../shared/catalogue';

/** A catalogue entry Kassa refuses to sell: visible with its reason so it gets fixed upstream, never selectable. */
export function RejectedPlanCard({ plan }: { plan: RejectedPlan }) {
  const { t } = useTranslation();
  return (
    <li className="plan-card plan-card--rejected" data-testid={`rejected-plan-${plan.id}`} aria-disabled="true">
      <span className="plan-head">
        <span className="plan-name">{plan.name}</span>
        <span className="badge badge--muted">{t('plans.notForSale')}</span>
      </span>
      <span className="plan-reason">{plan.problem ? errorText({ code: 'VALIDATION', ...plan.problem }) : plan.reason}</span>
    </li>
  );
}
