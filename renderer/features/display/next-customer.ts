import type { CustomerDisplay } from '../../../shared/sale';

type Phase = CustomerDisplay['phase'];

/**
 * Whether the display has moved on from one customer to the next: their sale's or sign-up's outcome (which
 * stays up until the next cart starts) gives way to anything else. An empty cart is no sign of a
 * new customer: the screen passes through it on the way from the cart to the payment.
 */
export function isNextCustomer(before: Phase | null, after: Phase | null): boolean {
  const outcome = (phase: Phase | null) => phase === 'paid' || phase === 'not-paid' || phase === 'signed-up' || phase === 'not-signed-up';
  return outcome(before) && after !== null && !outcome(after);
}
