import { describe, expect, it } from 'vitest';
import { isNextCustomer } from '../../renderer/features/display/use-display-language';

/** When the customer display forgets the language a customer chose: when the next customer comes. */
describe('the customer display goes back to the shop\'s language', () => {
  it('when the last outcome gives way to the next cart, or the screen falls idle', () => {
    expect(isNextCustomer('paid', 'cart')).toBe(true);
    expect(isNextCustomer('not-paid', 'cart')).toBe(true);
    expect(isNextCustomer('paid', 'idle')).toBe(true);
    expect(isNextCustomer('cart', 'idle')).toBe(true);
  });

  it('not while the same customer is buying, nor before the display knows what it shows', () => {
    expect(isNextCustomer('idle', 'cart')).toBe(false);
    expect(isNextCustomer('cart', 'waiting-push')).toBe(false);
    expect(isNextCustomer('waiting-qr', 'paid')).toBe(false);
    expect(isNextCustomer('cart', 'cart')).toBe(false);
    expect(isNextCustomer(null, 'idle')).toBe(false);
    expect(isNextCustomer('paid', null)).toBe(false);
  });
});
