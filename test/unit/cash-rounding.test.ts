import { describe, expect, it } from 'vitest';
import { cashRefundRounding, roundCash } from '../../shared/cash-rounding';

describe('cash rounding per country', () => {
  it.each([
    // Denmark: 50 øre, the boundaries at .25 and .75.
    ['DK', 'DKK', 1024, 1000],
    ['DK', 'DKK', 1025, 1050],
    ['DK', 'DKK', 1074, 1050],
    ['DK', 'DKK', 1075, 1100],
    ['DK', 'DKK', 1050, 1050],
    ['DK', 'DKK', 149_900, 149_900],
    // Finland: 5 cents, the boundaries at .x2/.x3 and .x7/.x8.
    ['FI', 'EUR', 1002, 1000],
    ['FI', 'EUR', 1003, 1005],
    ['FI', 'EUR', 1007, 1005],
    ['FI', 'EUR', 1008, 1010],
    ['FI', 'EUR', 1005, 1005],
    // Norway: whole kroner, the boundary at .49/.50.
    ['NO', 'NOK', 1049, 1000],
    ['NO', 'NOK', 1050, 1100],
    ['NO', 'NOK', 1099, 1100],
    ['NO', 'NOK', 19_900, 19_900],
  ] as const)('%s %s %i is taken as %i in cash', (country, currency, total, rounded) => {
    const result = roundCash(total, currency, country);
    expect(result.rounded).toBe(rounded);
    expect(result.rounding).toBe(rounded - total);
    expect(result.total + result.rounding).toBe(result.rounded);
  });

  it.each([
    ['DK', 'DKK', -1025, -1050],
    ['DK', 'DKK', -1024, -1000],
    ['DK', 'DKK', -1074, -1050],
    ['DK', 'DKK', -1075, -1100],
    ['FI', 'EUR', -1003, -1005],
    ['FI', 'EUR', -1002, -1000],
    ['FI', 'EUR', -1007, -1005],
    ['FI', 'EUR', -1008, -1010],
    ['NO', 'NOK', -1050, -1100],
    ['NO', 'NOK', -1049, -1000],
  ] as const)('a cash refund mirrors its sale: %s %s %i -> %i', (country, currency, total, rounded) => {
    expect(roundCash(total, currency, country).rounded).toBe(rounded);
  });

  it('never rounds a wallet payment', () => {
    for (const tender of ['vipps-push', 'vipps-qr'] as const) {
      expect(roundCash(1024, 'DKK', 'DK', tender)).toEqual({ total: 1024, rounded: 1024, rounding: 0, currency: 'DKK' });
      expect(roundCash(1049, 'NOK', 'NO', tender).rounding).toBe(0);
      expect(roundCash(1002, 'EUR', 'FI', tender).rounding).toBe(0);
    }
  });

  it('rounds a tiny total to zero without a negative zero, and refuses fractions of a minor unit', () => {
    expect(Object.is(roundCash(-2, 'EUR', 'FI').rounded, 0)).toBe(true);
    expect(() => roundCash(10.5, 'NOK', 'NO')).toThrow();
  });
});

describe('cash refunds', () => {
  it.each([
    // A full refund hands back exactly what the sale took.
    ['DK', 'DKK', 0, 1024, 1000],
    ['DK', 'DKK', 0, 1075, 1100],
    ['FI', 'EUR', 0, 1003, 1005],
    ['NO', 'NOK', 0, 1049, 1000],
    ['NO', 'NOK', 0, 1050, 1100],
    // A part is rounded as a negative amount: DKK -3.37 -> -3.50.
    ['DK', 'DKK', 0, 337, 350],
    ['FI', 'EUR', 0, 337, 335],
    ['NO', 'NOK', 0, 337, 300],
  ] as const)('%s %s: after %i refunded, a refund of %i hands back %i', (country, currency, before, amount, paidOut) => {
    const result = cashRefundRounding(before, amount, currency, country);
    expect(result).toEqual({ paidOut, rounding: paidOut - amount });
  });

  it('settles the refunds of one sale as a whole: the parts never hand back more than the whole', () => {
    // DKK 10.24 was taken as 10.00; four refunds of 2.56 hand back 2.50, 2.50, 2.50, 2.50.
    let before = 0;
    const paid = [256, 256, 256, 256].map((amount) => {
      const { paidOut } = cashRefundRounding(before, amount, 'DKK', 'DK');
      before += amount;
      return paidOut;
    });
    expect(paid).toEqual([250, 250, 250, 250]);
    // 42 refunds of DKK 0.25 cannot hand back 42 × 0.50: together they hand back 10.50, the rounded whole.
    before = 0;
    let total = 0;
    for (let i = 0; i < 42; i += 1) {
      const { paidOut } = cashRefundRounding(before, 25, 'DKK', 'DK');
      expect(paidOut).toBeGreaterThanOrEqual(0);
      total += paidOut;
      before += 25;
    }
    expect(total).toBe(roundCash(1050, 'DKK', 'DK').rounded);
  });
});
