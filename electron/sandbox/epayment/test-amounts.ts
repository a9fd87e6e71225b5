/**
 * The test environment's special amounts (minor units), which "always get the same result"
 * (knowledge base test-environment.md "Test amounts"; 2026 summaries "Amounts that trigger
 * specific failures").
 *
 * What a declined card does to the payment is the documented part this follows:
 * - The decline happens when the customer approves in the app. "WALLET payments include retry
 *   functionality such that, if the user attempts to pay with a declined card, they can retry with
 *   a different card for the same payment process" (operations/create.md). So a decline does NOT
 *   end the payment: it stays CREATED, the phone shows the decline, and the customer can only give
 *   up (→ ABORTED) or let it run out (→ EXPIRED). The sandbox customer has one card, so approving
 *   again declines again.
 * - "The force approve endpoint does not support this functionality" (test-environment.md): force
 *   approve authorizes these amounts normally. Use the phone or the control API's approve to see
 *   a decline.
 * - SANDBOX CHOICE (UNCONFIRMED): each declined attempt is logged as an `AUTHORIZED` event with
 *   `success: false`, and a failed refund as a `REFUNDED` event with `success: false`. The docs
 *   insist a client check `success` ("A delivered event is not automatically a successful
 *   operation"); a log that shows failed attempts keeps a client honest about it.
 *
 * Not emulated (they approve normally): 201 "Unknown result for 1 hour" and 202 "SCA required".
 */
import type { CountryCode } from '../merchants';
import type { ErrorCode } from './epayment-problems';

interface DeclineRule {
  reason: string;
  /** Markets where the amount means something; elsewhere it is an ordinary amount. */
  countries?: CountryCode[];
}

const declines: Record<number, DeclineRule> = {
  151: { reason: 'Insufficient funds' },
  182: { reason: 'Refused by issuer' },
  183: { reason: 'Suspected fraud' },
  184: { reason: 'Withdrawal limit exceeded' },
  186: { reason: 'Expired card' },
  187: { reason: 'Invalid card' },
  197: { reason: '3-D Secure denied', countries: ['NO'] },
};

/** Why the customer's card declines this payment amount, or null when it goes through. */
export function declineReason(amount: number, country: CountryCode): string | null {
  const rule = declines[amount];
  if (!rule || (rule.countries && !rule.countries.includes(country))) return null;
  return rule.reason;
}

/**
 * Refund amounts that fail. SANDBOX CHOICE for the codes: 124 is the documented 6220 "Refund period
 * expired"; 123 ("Cannot refund: user deleted or has no receiving account") has no code of its own,
 * and 5100 "Refund not possible" is the closest title. Both HTTP 400.
 */
export const refundFailures: Record<number, { code: ErrorCode; detail: string }> = {
  123: { code: 5100, detail: 'Cannot refund: the user is deleted or has no receiving account (test amount 123).' },
  124: { code: 6220, detail: 'Payments can only be refunded within 365 days of the reservation (test amount 124).' },
};

export const declineAmounts = Object.keys(declines).map(Number);
