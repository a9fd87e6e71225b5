import type { ErrorCode } from '../../shared/result';

export type ErrorKind = 'retry' | 'setup' | 'check' | 'other';

/** The UI switches on the code only to say what kind of problem it is; the core's message says the rest. */
const kindOf: Record<ErrorCode, ErrorKind> = {
  VIPPS_UNAVAILABLE: 'retry',
  RATE_LIMITED: 'retry',
  BILLING_UNAVAILABLE: 'retry',
  INTERNAL: 'retry',
  NO_ANSWER: 'retry',
  NOT_SIGNED_IN: 'check',
  PIN_REFUSED: 'check',
  STAFF_LOCKED: 'other',
  MANAGER_APPROVAL_NEEDED: 'other',
  SYNC_PENDING: 'check',
  SKIP_LANDING_PAGE_NOT_ALLOWED: 'setup',
  PUSH_NOT_ALLOWED: 'setup',
  VIPPS_AUTH: 'setup',
  BILLING_AUTH: 'setup',
  VALIDATION: 'check',
  VIPPS_REJECTED: 'check',
  NOT_FOUND: 'check',
  PAYMENT_REFUSED: 'other',
  CONFLICT: 'other',
  AGREEMENT_NOT_ACTIVE: 'other',
};

export const errorKind = (code: ErrorCode): ErrorKind => kindOf[code];
