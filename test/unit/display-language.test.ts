import { describe, expect, it } from 'vitest';
import { isNextCustomer } from '../../renderer/features/display/next-customer';

/** When the customer display forgets the language a customer chose: when the next customer comes. */
describe('the customer display goes back to the shop\'s language', () => {
  it('when the last outcome gives way to the next cart, or to the idle screen', () => {
    expect(isNextCustomer('paid', 'cart')).toBe(true);
    expect(isNextCustomer('not-paid', 'cart')).toBe(true);
    expect(isNextCustomer('paid', 'idle')).toBe(true);
    expect(isNextCustomer('not-paid', 'waiting-qr')).toBe(true);
  });

  it('not while the same customer is buying, nor before the display knows what it shows', () => {
    expect(isNextCustomer('idle', 'cart')).toBe(false);
    // The cart empties as the payment starts: the same customer, on the way to paying.
    expect(isNextCustomer('cart', 'idle')).toBe(false);
    expect(isNextCustomer('idle', 'waiting-push')).toBe(false);
    expect(isNextCustomer('paid', 'paid')).toBe(false);
    expect(isNextCustomer('cart', 'waiting-push')).toBe(false);
    expect(isNextCustomer('waiting-qr', 'paid')).toBe(false);
    expect(isNextCustomer('cart', 'cart')).toBe(false);
    expect(isNextCustomer(null, 'idle')).toBe(false);
    expect(isNextCustomer('paid', null)).toBe(false);
  });
});
