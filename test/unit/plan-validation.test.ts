import { describe, expect, it } from 'vitest';
import { validatePlans, validateProducts } from '../../electron/core/catalogue/plan-validation';

const monthly = {
  id: 'basic',
  name: 'Basic membership',
  currency: 'NOK',
  pricing: { type: 'LEGACY', amount: 19900 },
  interval: { unit: 'MONTH', count: 1 },
  vatRate: 2500,
};

describe('validatePlans', () => {
  it('keeps valid plans', () => {
    expect(validatePlans([monthly], 'NOK')).toEqual({ items: [monthly], rejected: [] });
  });

  it.each([
    [{ ...monthly, pricing: { type: 'LEGACY', amount: 199.5 } }, /pricing.amount must be a positive whole number/],
    [{ ...monthly, pricing: { type: 'LEGACY', amount: 0 } }, /pricing.amount must be a positive whole number/],
    [{ ...monthly, pricing: { type: 'LEGACY', amount: '199' } }, /pricing.amount must be a positive whole number/],
    [{ ...monthly, name: 'A'.repeat(46) }, /longer than 45 characters/],
    [{ ...monthly, name: '' }, /no name/],
    [{ ...monthly, currency: 'EUR' }, /Priced in EUR, but this shop takes NOK/],
    [{ ...monthly, initialCharge: { amount: -5, description: 'First', transactionType: 'DIRECT_CAPTURE' } }, /initialCharge.amount/],
    [
      { ...monthly, pricing: { type: 'VARIABLE', suggestedMaxAmount: 50000 }, campaign: { type: 'PERIOD_CAMPAIGN', price: 100, period: { unit: 'MONTH', count: 1 } } },
      /campaign cannot be combined with variable or flexible pricing/,
    ],
    [{ ...monthly, interval: { unit: 'MONTH', count: 40 } }, /interval.count/],
    [{ ...monthly, interval: undefined }, /^interval is missing/],
    [{ ...monthly, interval: { type: 'FLEXIBLE', unit: 'MONTH', count: 1 } }, /FLEXIBLE interval has no unit or count/],
    [{ ...monthly, interval: { type: 'WHENEVER' } }, /interval/],
    [{ ...monthly, pricing: { type: 'FLEXIBLE' }, campaign: { type: 'PERIOD_CAMPAIGN', price: 100, period: { unit: 'MONTH', count: 1 } } }, /variable or flexible pricing/],
    [{ ...monthly, interval: { type: 'FLEXIBLE' }, campaign: { type: 'PERIOD_CAMPAIGN', price: 100, period: { unit: 'MONTH', count: 1 } } }, /campaign needs a recurring interval/],
    [{ ...monthly, vatRate: 12.5 }, /vatRate must be a whole number of basis points/],
    [{ ...monthly, vatRate: 10_001 }, /vatRate must be a whole number of basis points/],
    [{ ...monthly, vatRate: '25' }, /vatRate must be a whole number of basis points/],
    [{ ...monthly, vatRate: undefined, name: '' }, /no name/],
  ])('rejects a bad entry with a specific reason (%#)', (entry, reason) => {
    const { items: plans, rejected } = validatePlans([entry], 'NOK');
    expect(plans).toEqual([]);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toMatch(reason);
  });

  it('keeps FLEXIBLE pricing ({type} only, no amount) and the FLEXIBLE interval (no period)', () => {
    const payPerUse = { ...monthly, id: 'per-use', pricing: { type: 'VARIABLE', suggestedMaxAmount: 200000 }, interval: { type: 'FLEXIBLE' } };
    const flexible = { ...monthly, id: 'flex', pricing: { type: 'FLEXIBLE' } };
    const recurring = { ...monthly, id: 'explicit', interval: { type: 'RECURRING', unit: 'WEEK', count: 2 } };
    expect(validatePlans([payPerUse, flexible, recurring], 'NOK')).toEqual({ items: [payPerUse, flexible, recurring], rejected: [] });
  });

  it('keeps the good entries when one is bad, and refuses duplicate ids', () => {
    const result = validatePlans([monthly, { ...monthly, pricing: { type: 'LEGACY', amount: -1 } }, monthly, 'junk'], 'NOK');
    expect(result.items).toEqual([monthly]);
    expect(result.rejected.map((r) => r.id)).toEqual(['basic', 'basic', '#4']);
    expect(result.rejected[1]!.reason).toMatch(/same id/);
  });

  it('refuses a plan without a VAT rate with its own reason, as a product without one: the till does not guess a rate', () => {
    const { vatRate: _rate, ...withoutRate } = monthly;
    const plans = validatePlans([withoutRate], 'NOK');
    expect(plans.items).toEqual([]);
    expect(plans.rejected).toEqual([{ id: 'basic', name: 'Basic membership', reason: expect.stringMatching(/no VAT rate \(vatRate\)/), problem: { reason: 'VAT_RATE_MISSING' } }]);
    const products = validateProducts([{ id: 'mug', name: 'Krus', unitPrice: 10000, currency: 'NOK' }], 'NOK');
    expect(products.rejected).toEqual([{ id: 'mug', name: 'Krus', reason: expect.stringMatching(/product has no VAT rate/), problem: { reason: 'VAT_RATE_MISSING' } }]);
  });

  it('keeps a zero rate: 0 % is a rate, not a missing one', () => {
    expect(validatePlans([{ ...monthly, vatRate: 0 }], 'NOK').items).toEqual([{ ...monthly, vatRate: 0 }]);
  });
});
