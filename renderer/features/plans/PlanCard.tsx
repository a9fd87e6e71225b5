import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../../../shared/catalogue';
import { usePlanText } from './use-plan-text';

interface Props {
  plan: Plan;
  selected: boolean;
  onSelect(planId: string): void;
}

/** One plan as a radio card: native radios give arrow-key movement and "1 of 4" for free. */
export function PlanCard({ plan, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const text = usePlanText();
  const nameId = useId();
  const detailsId = useId();
  const campaign = text.campaign(plan);
  const initialCharge = text.initialCharge(plan);

  return (
    <label className={`plan-card${selected ? ' plan-card--selected' : ''}`} data-testid={`plan-${plan.id}`}>
      <input
        type="radio"
        name="plan"
        className="plan-radio"
        value={plan.id}
        checked={selected}
        onChange={() => onSelect(plan.id)}
        aria-labelledby={nameId}
        aria-describedby={detailsId}
      />
      <span className="plan-head">
        <span className="plan-name" id={nameId}>{plan.name}</span>
        <span className="plan-price">{text.price(plan)}</span>
      </span>
      <span className="plan-details" id={detailsId}>
        {campaign && (
          <span className="plan-campaign">
            <span className="badge badge--offer">{t('plans.campaign')}</span> {campaign}
          </span>
        )}
        {initialCharge && <span className="plan-initial">{initialCharge}</span>}
        {plan.description && <span className="plan-description">{plan.description}</span>}
      </span>
    </label>
  );
}
