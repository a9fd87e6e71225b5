import type { LiveAgreement, LiveInterval, LivePricing, PlanChangePreview } from '../../../shared/agreements';
import { isFlexibleInterval, type Plan } from '../../../shared/catalogue';
import type { AgreementResponse } from '../vipps/recurring-schemas';
import type { AgreementPatch } from '../vipps/recurring-client';
import { draftPricing } from '../sales/build-draft-agreement';

const DAY = 86_400_000;

/** The agreement as Vipps answered it, in the till's shape. */
export function toLive(agreement: AgreementResponse, now: number): LiveAgreement {
  const pricing: LivePricing = agreement.pricing
    ? {
        type: agreement.pricing.type,
        currency: agreement.pricing.currency,
        ...(agreement.pricing.amount !== undefined ? { amount: agreement.pricing.amount } : {}),
        ...(agreement.pricing.suggestedMaxAmount !== undefined ? { suggestedMaxAmount: agreement.pricing.suggestedMaxAmount } : {}),
        ...(agreement.pricing.maxAmount !== undefined ? { maxAmount: agreement.pricing.maxAmount } : {}),
      }
    : { type: 'FLEXIBLE', currency: 'NOK' };
  // An interval without unit and count is charged when the merchant charges: FLEXIBLE.
  const interval: LiveInterval =
    agreement.interval?.unit && agreement.interval.count ? { type: 'RECURRING', unit: agreement.interval.unit, count: agreement.interval.count } : { type: 'FLEXIBLE' };
  return {
    status: agreement.status,
    productName: agreement.productName,
    productDescription: agreement.productDescription ?? null,
    pricing,
    interval,
    start: agreement.start ?? null,
    stop: agreement.stop ?? null,
    externalId: agreement.externalId ?? null,
    nextChargeDate: agreement.status === 'ACTIVE' && agreement.start ? nextChargeDate(Date.parse(agreement.start), interval, now) : null,
  };
}

/** The first date after `now` that is a whole number of intervals after the start (UTC calendar). */
export function nextChargeDate(start: number, interval: LiveInterval, now: number): string | null {
  if (interval.type !== 'RECURRING' || !Number.isFinite(start)) return null;
  for (let k = 1; k < 5_000; k++) {
    const at = addPeriod(start, interval.unit, interval.count * k);
    if (at > now) return new Date(at).toISOString().slice(0, 10);
  }
  return null;
}

function addPeriod(from: number, unit: 'YEAR' | 'MONTH' | 'WEEK' | 'DAY', count: number): number {
  if (unit === 'DAY') return from + count * DAY;
  if (unit === 'WEEK') return from + count * 7 * DAY;
  const date = new Date(from);
  const months = unit === 'MONTH' ? count : count * 12;
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1, date.getUTCHours(), date.getUTCMinutes()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return target.getTime();
}

export function planPricing(plan: Plan): LivePricing {
  return { ...draftPricing(plan), currency: plan.currency };
}

export function planInterval(plan: Plan): LiveInterval {
  return isFlexibleInterval(plan.interval) ? { type: 'FLEXIBLE' } : { type: 'RECURRING', unit: plan.interval.unit, count: plan.interval.count };
}

export interface PlanChange {
  blocked: PlanChangePreview['blocked'];
  message: string | null;
  patch: AgreementPatch;
  customerSees: PlanChangePreview['customerSees'];
}

/**
 * What PATCH can say to move an agreement onto a plan. Vipps can change the name, description,
 * the LEGACY amount or the VARIABLE suggestedMaxAmount, and the interval (RECURRING period or
 * FLEXIBLE); never the pricing type or the currency. Those need a new agreement, which the cashier
 * must choose explicitly (stop + new).
 */
export function planChange(live: LiveAgreement, plan: Plan, currentPlanId: string | null): PlanChange {
  const none = { patch: {}, customerSees: [] };
  if (live.status !== 'ACTIVE') {
    return {
      ...none,
      blocked: 'NOT_ACTIVE',
      message:
        live.status === 'STOPPED'
          ? 'This agreement is stopped and can never be changed again. Offer the customer a new agreement instead.'
          : `This agreement is ${live.status} and cannot be changed; only an ACTIVE agreement can.`,
    };
  }
  if (currentPlanId === plan.id) return { ...none, blocked: 'SAME_PLAN', message: 'The agreement is already on this plan.' };
  if (plan.currency !== live.pricing.currency) {
    return {
      ...none,
      blocked: 'CURRENCY',
      message: `The agreement is in ${live.pricing.currency} and the plan "${plan.name}" is in ${plan.currency}. Vipps MobilePay cannot change an agreement's currency: stop it and make a new agreement.`,
    };
  }
  if (plan.pricing.type !== live.pricing.type) {
    return {
      ...none,
      blocked: 'PRICING_TYPE',
      message: `The agreement has ${live.pricing.type} pricing and the plan "${plan.name}" has ${plan.pricing.type} pricing. Vipps MobilePay cannot change the pricing type: stop the agreement and make a new one.`,
    };
  }
  const patch: AgreementPatch = {};
  const sees: PlanChangePreview['customerSees'] = [];
  if (plan.name !== live.productName) {
    patch.productName = plan.name;
    sees.push('productName');
  }
  if (plan.description && plan.description !== live.productDescription) {
    patch.productDescription = plan.description;
    sees.push('productDescription');
  }
  if (plan.pricing.type === 'LEGACY' && plan.pricing.amount !== live.pricing.amount) {
    patch.pricing = { amount: plan.pricing.amount };
    sees.push('price');
  }
  if (plan.pricing.type === 'VARIABLE' && plan.pricing.suggestedMaxAmount !== live.pricing.suggestedMaxAmount) {
    // "the customer is not notified of that change" (Vipps): listed so the cashier can say it.
    patch.pricing = { suggestedMaxAmount: plan.pricing.suggestedMaxAmount };
    sees.push('suggestedMaxAmount');
  }
  const interval = planInterval(plan);
  if (!sameInterval(interval, live.interval)) {
    patch.interval = interval.type === 'RECURRING' ? { type: 'RECURRING', period: { unit: interval.unit, count: interval.count } } : { type: 'FLEXIBLE' };
    sees.push('interval');
  }
  return { blocked: null, message: null, patch, customerSees: sees };
}

export function sameInterval(a: LiveInterval, b: LiveInterval): boolean {
  if (a.type !== b.type) return false;
  return a.type === 'FLEXIBLE' || (b.type === 'RECURRING' && a.unit === b.unit && a.count === b.count);
}

/** Whether the agreement as Vipps shows it now carries the patch (after a 202). */
export function showsPatch(live: LiveAgreement, patch: AgreementPatch): boolean {
  if (patch.productName !== undefined && live.productName !== patch.productName) return false;
  if (patch.productDescription !== undefined && live.productDescription !== patch.productDescription) return false;
  if (patch.pricing && 'amount' in patch.pricing && live.pricing.amount !== patch.pricing.amount) return false;
  if (patch.pricing && 'suggestedMaxAmount' in patch.pricing && live.pricing.suggestedMaxAmount !== patch.pricing.suggestedMaxAmount) return false;
  if (patch.interval) {
    const wanted: LiveInterval = patch.interval.type === 'FLEXIBLE' ? { type: 'FLEXIBLE' } : { type: 'RECURRING', ...patch.interval.period };
    if (!sameInterval(wanted, live.interval)) return false;
  }
  return true;
}
