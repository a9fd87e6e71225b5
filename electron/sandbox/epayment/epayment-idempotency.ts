/**
 * ePayment's Idempotency-Key rules (fact sheet §4.7), which name the conflict more precisely than
 * Recurring's single 409:
 *
 * - same key, same operation on the same payment, same body → the stored response, byte for byte
 *   (the operation is not repeated);
 * - same key, same operation and payment, different body → 409 with the operation's own code:
 *   capture 4010 "Capture idempotency conflict", refund 4150 "Refund idempotency conflict",
 *   create 4150 "Reference … already exists" (the key's reference is taken by the first body);
 *   cancel has no documented code: SANDBOX CHOICE 4020, the generic "Idempotency error";
 * - a key already used for another operation or another payment → 409 4020 "Idempotency error:
 *   Idempotency-Key `…` already exists".
 *
 * Like Recurring (idempotency.ts): keys are scoped per sales unit; 2xx and 4xx are stored ("A 4xx
 * stays 4xx for that key"), 5xx and 429 never (a retry after them really retries); "same body" is
 * compared after JSON parsing; keys are kept until the sandbox is reset. The store is separate from
 * Recurring's: the two APIs are separate services, and a key used for an agreement says nothing
 * about a payment.
 */
import type { SandboxResponse } from '../http-kit';
import { coded, type EpaymentProblem } from './epayment-problems';

export type EpaymentOperation = 'create' | 'capture' | 'refund' | 'cancel';

/** "Idempotency key for the request" — maxLength 50 in the spec; no character rules. */
export const EPAYMENT_IDEMPOTENCY_KEY_MAX = 50;

interface Entry {
  operation: EpaymentOperation;
  reference: string;
  fingerprint: string;
  response: SandboxResponse;
}

export interface KeyedRequest {
  operation: EpaymentOperation;
  reference: string;
  fingerprint: string;
}

export type EpaymentKeyLookup = { kind: 'new' } | { kind: 'replay'; response: SandboxResponse } | { kind: 'conflict'; problem: EpaymentProblem };

export class EpaymentIdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  lookup(msn: string, key: string, request: KeyedRequest): EpaymentKeyLookup {
    const stored = this.entries.get(`${msn}|${key}`);
    if (!stored) return { kind: 'new' };
    if (stored.operation !== request.operation || stored.reference !== request.reference) {
      return { kind: 'conflict', problem: coded(409, 4020, `Idempotency-Key \`${key}\` already exists.`) };
    }
    if (stored.fingerprint === request.fingerprint) return { kind: 'replay', response: { ...stored.response, headers: { ...stored.response.headers } } };
    switch (request.operation) {
      case 'capture':
        return { kind: 'conflict', problem: coded(409, 4010, 'The capture request in an idempotent retry must be identical to the previous request(s).') };
      case 'refund':
        return { kind: 'conflict', problem: coded(409, 4150, 'The refund request in an idempotent retry must be identical to the previous request(s).', { title: 'Refund idempotency conflict' }) };
      case 'create':
        // The key's reference is taken by the first body (without one, only the key can be named).
        if (request.reference === '') return { kind: 'conflict', problem: coded(409, 4020, `Idempotency-Key \`${key}\` already exists.`) };
        return { kind: 'conflict', problem: coded(409, 4150, `Reference \`${request.reference}\` already exists.`) };
      case 'cancel':
        return { kind: 'conflict', problem: coded(409, 4020, `Idempotency-Key \`${key}\` was already used for a different cancel request.`) };
    }
  }

  remember(msn: string, key: string, request: KeyedRequest, response: SandboxResponse): void {
    if (response.status >= 500 || response.status === 429) return;
    this.entries.set(`${msn}|${key}`, { ...request, response: { ...response, headers: { ...response.headers } } });
  }

  clear(): void {
    this.entries.clear();
  }
}
