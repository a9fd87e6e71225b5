import { useEffect, useState } from 'react';
import type { PhoneCountry } from '../../../shared/phone';
import type { SubscriptionSale } from '../../../shared/subscription';
import { PlanPicker } from '../plans/PlanPicker';
import type { Catalogue } from '../plans/use-catalogue';
import { SaleForm } from '../sale-form/SaleForm';
import type { AgreementAction } from '../customers/AgreementCard';

interface Props {
  catalogue: Catalogue;
  defaultCountry: PhoneCountry;
  onStarted(sale: SubscriptionSale): void;
  onOpenAgreement?(agreementId: string, action: AgreementAction): void;
}

/** Plans and the customer form side by side: the cashier can type the number while the customer decides. */
export function NewSaleScreen({ catalogue, defaultCountry, onStarted, onOpenAgreement }: Props) {
  const [planId, setPlanId] = useState<string | null>(null);
  const { load } = catalogue;

  // Fetch on every visit, so prices changed during the last sale are not sold stale.
  useEffect(() => {
    void load();
  }, [load]);

  // A plan that vanished on refresh cannot stay chosen.
  const plan = catalogue.catalogue?.plans.find((p) => p.id === planId) ?? null;

  return (
    <div className="new-sale">
      <section className="panel plans-panel">
        <PlanPicker catalogue={catalogue} selectedPlanId={plan?.id ?? null} onSelect={setPlanId} />
      </section>
      <section className="panel form-panel">
        <SaleForm plan={plan} defaultCountry={defaultCountry} onStarted={onStarted} onOpenAgreement={onOpenAgreement} />
      </section>
    </div>
  );
}
