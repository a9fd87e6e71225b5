import { describe, expect, it } from 'vitest';
import { addMoney, money, moneySchema } from '../../shared/money';

describe('money', () => {
  it('is an integer of minor units with a currency', () => {
    expect(money(19900, 'NOK')).toEqual({ amount: 19900, currency: 'NOK' });
  });

  it('rejects fractions, unsafe integers and unknown currencies', () => {
    expect(moneySchema.safeParse({ amount: 199.5, currency: 'NOK' }).success).toBe(false);
    expect(moneySchema.safeParse({ amount: 2 ** 53, currency: 'NOK' }).success).toBe(false);
    expect(moneySchema.safeParse({ amount: 100, currency: 'SEK' }).success).toBe(false);
  });

  it('adds only the same currency', () => {
    expect(addMoney(money(100, 'EUR'), money(250, 'EUR'))).toEqual({ amount: 350, currency: 'EUR' });
    expect(() => addMoney(money(100, 'EUR'), money(100, 'DKK'))).toThrow(/EUR to DKK/);
  });
});
