import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isFlexibleInterval, type PlanInterval, type SoldPlan } from '../../../shared/catalogue';
import { useFormat } from '../../format/locale-context';

/** The sentences that describe a plan, shared by the plan list and the waiting screen. */
export function usePlanText() {
  const { t } = useTranslation();
  const format = useFormat();

  return useMemo(() => {
    // FLEXIBLE: charged when used, with no period ("per use").
    const interval = (value: PlanInterval) => (isFlexibleInterval(value) ? t('interval.FLEXIBLE') : t(`interval.${value.unit}`, { count: value.count }));

    function price(plan: SoldPlan): string {
      const every = interval(plan.interval);
      switch (plan.pricing.type) {
        case 'LEGACY':
          return t('plans.price', { amount: format.money(plan.pricing.amount, plan.currency), interval: every });
        case 'VARIABLE':
          return t('plans.priceUpTo', { amount: format.money(plan.pricing.suggestedMaxAmount, plan.currency), interval: every });
        case 'FLEXIBLE':
          // No amount at all: the customer agrees to whatever the shop charges.
          return t('plans.priceFlexible', { interval: every });
      }
    }

    function campaign(plan: SoldPlan): string | null {
      const offer = plan.campaign;
      if (!offer) return null;
      const offerPrice = t('plans.price', { amount: format.money(offer.price, plan.currency), interval: interval(plan.interval) });
      switch (offer.type) {
        case 'PRICE_CAMPAIGN':
          return t('plans.priceCampaign', { price: offerPrice, date: format.day(offer.end) });
        case 'PERIOD_CAMPAIGN':
          return t('plans.periodCampaign', {
            price: offerPrice,
            count: offer.period.count,
            unit: t(`unit.${offer.period.unit}`),
            duration: format.duration(offer.period.count, offer.period.unit),
          });
        case 'EVENT_CAMPAIGN':
          // eventText is the shop's own phrase, shown as-is in the app too (e.g. "until Christmas").
          return t('plans.eventCampaign', { price: offerPrice, event: offer.eventText, date: format.day(offer.eventDate) });
      }
    }

    function initialCharge(plan: SoldPlan): string | null {
      const charge = plan.initialCharge;
      if (!charge) return null;
      const values = { amount: format.money(charge.amount, plan.currency), description: charge.description };
      // RESERVE_CAPTURE: Kassa captures as soon as the customer approves (goods handed over);
      // DIRECT_CAPTURE: Vipps takes the money itself at approval.
      return charge.transactionType === 'RESERVE_CAPTURE' ? t('plans.initialReserve', values) : t('plans.initialDirect', values);
    }

    return { price, campaign, initialCharge };
  }, [t, format]);
}
