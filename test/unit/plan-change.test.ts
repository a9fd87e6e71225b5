import { describe, expect, it } from 'vitest';
import { nextChargeDate, planChange, showsPatch } from '../../electron/core/agreements/live-agreement';
import type { LiveAgreement } from '../../shared/agreements';
import type { Plan } from '../../shared/catalogue';

const live: LiveAgreement = {
  status: 'ACTIVE',
  productName: 'Kaffe',
  productDescription: null,
  pricing: { type: 'LEGACY', currency: 'DKK', amount: 9900 },
  interval: { type: 'RECURRING', unit: 'MONTH', count: 1 },
  start: '2026-01-31T10:00:00Z',
  stop: null,
  externalId: null,
  nextChargeDate: null,
};
const plan = (over: Partial<Plan>): Plan => ({ id: 'p', name: 'Kaffe XL', currency: 'DKK', pricing: { type: 'LEGACY', amount: 14900 }, interval: { unit: 'MONTH', count: 1 }, ...over }) as Plan;

describe('what PATCH can say', () => {
  it('changes name, price and interval in place', () => {
    const change = planChange(live, plan({ interval: { unit: 'WEEK', count: 2 } }), 'old');
    expect(change.blocked).toBeNull();
    expect(change.patch).toEqual({ productName: 'Kaffe XL', pricing: { amount: 14900 }, interval: { type: 'RECURRING', period: { unit: 'WEEK', count: 2 } } });
    expect(showsPatch({ ...live, productName: 'Kaffe XL', pricing: { ...live.pricing, amount: 14900 }, interval: { type: 'RECURRING', unit: 'WEEK', count: 2 } }, change.patch)).toBe(true);
    expect(showsPatch(live, change.patch)).toBe(false);
  });

  it('refuses what only a new agreement can do, each with its reason', () => {
    expect(planChange(live, plan({ currency: 'NOK' }), null)).toMatchObject({ blocked: 'CURRENCY', message: expect.stringMatching(/in DKK .* in NOK/) });
    expect(planChange(live, plan({ pricing: { type: 'VARIABLE', suggestedMaxAmount: 20000 } }), null).blocked).toBe('PRICING_TYPE');
    expect(planChange({ ...live, status: 'STOPPED' }, plan({}), null).blocked).toBe('NOT_ACTIVE');
    expect(planChange(live, plan({}), 'p').blocked).toBe('SAME_PLAN');
  });

  it('counts the next charge date from the start, clamping to the month end', () => {
    expect(nextChargeDate(Date.parse('2026-01-31T10:00:00Z'), { type: 'RECURRING', unit: 'MONTH', count: 1 }, Date.parse('2026-02-10T00:00:00Z'))).toBe('2026-02-28');
    expect(nextChargeDate(Date.parse('2026-01-01T10:00:00Z'), { type: 'FLEXIBLE' }, Date.parse('2026-02-10T00:00:00Z'))).toBeNull();
  });
});
