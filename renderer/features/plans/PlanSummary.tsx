import type { SoldPlan } from '../../../shared/catalogue';
import { usePlanText } from './use-plan-text';

/** The plan in a few lines, for the form (compact: name and price) and the waiting screen. */
export function PlanSummary({ plan, compact = false }: { plan: SoldPlan; compact?: boolean }) {
  const text = usePlanText();
  const campaign = text.campaign(plan);
  const initialCharge = text.initialCharge(plan);
  return (
    <div className="plan-summary">
      <p className="plan-summary-name">{plan.name}</p>
      <p className="plan-summary-price">{text.price(plan)}</p>
      {!compact && campaign && <p className="plan-summary-line">{campaign}</p>}
      {!compact && initialCharge && <p className="plan-summary-line">{initialCharge}</p>}
    </div>
  );
}
