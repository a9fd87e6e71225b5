import { useTranslation } from 'react-i18next';
import type { LiveInterval, LivePricing } from '../../../shared/agreements';
import { useFormat } from '../../format/locale-context';

export function useAgreementWords() {
  const { t } = useTranslation();
  const format = useFormat();
  const interval = (value: LiveInterval) => (value.type === 'FLEXIBLE' ? t('customers.flexibleInterval') : t(`interval.${value.unit}`, { count: value.count }));
  const price = (pricing: LivePricing) =>
    pricing.type === 'LEGACY' && pricing.amount !== undefined
      ? format.money(pricing.amount, pricing.currency)
      : pricing.type === 'VARIABLE'
        ? t('customers.upTo', { amount: format.money(pricing.maxAmount ?? pricing.suggestedMaxAmount ?? 0, pricing.currency) })
        : t('customers.flexiblePrice');
  return { interval, price };
}
