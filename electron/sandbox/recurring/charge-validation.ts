/**
 * Bodies of the charge endpoints: CreateChargeV3, CaptureRequestV3, RefundRequest.
 *
 * Choices:
 * - `description` 1..100 as in the spec (the guide says 45; fact sheet §9.6 — UNCONFIRMED which
 *   one the API enforces, and the spec is the contract the client is tested against).
 * - `due` is a calendar date `YYYY-MM-DD` (the response turns it into a date-time at 00:00Z).
 * - `due` and `retryDays` are "Required only for RECURRING"; `processingMode` cannot be set for
 *   UNSCHEDULED; `SINGLE_ATTEMPT` requires `retryDays: 0`.
 */
import { FieldErrors, readEnum, readInt, readString, requireObjectBody } from './field-checks';
import { ORDER_ID } from './draft-validation';
import type { ProcessingMode, TransactionType } from './model';

export interface ValidCreateCharge {
  amount: number;
  description: string;
  transactionType: TransactionType;
  type: 'RECURRING' | 'UNSCHEDULED';
  /** Epoch ms of 00:00 UTC on the due date; undefined for UNSCHEDULED. */
  due?: number;
  retryDays: number;
  processingMode: ProcessingMode;
  orderId?: string;
  externalId?: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function validateCreateCharge(body: unknown): ValidCreateCharge {
  const obj = requireObjectBody(body);
  const errors = new FieldErrors();
  const amount = readInt(errors, obj, 'amount', 'amount', { required: true, min: 1 });
  const description = readString(errors, obj, 'description', 'description', { required: true, min: 1, max: 100 });
  const transactionType = readEnum(errors, obj, 'transactionType', 'transactionType', ['DIRECT_CAPTURE', 'RESERVE_CAPTURE'] as const, { required: true });
  const type = readEnum(errors, obj, 'type', 'type', ['RECURRING', 'UNSCHEDULED'] as const) ?? 'RECURRING';
  const recurring = type === 'RECURRING';
  const dueText = readString(errors, obj, 'due', 'due', { required: recurring });
  let due: number | undefined;
  if (dueText !== undefined) {
    const match = DATE.exec(dueText);
    const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
    if (!match || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== dueText) errors.add('due', 'Must be a date in the format YYYY-MM-DD');
    else due = ms;
  }
  const retryDays = readInt(errors, obj, 'retryDays', 'retryDays', { required: recurring, min: 0, max: 14 });
  const processingMode = readEnum(errors, obj, 'processingMode', 'processingMode', ['MULTIPLE_ATTEMPTS', 'SINGLE_ATTEMPT'] as const);
  if (!recurring && processingMode !== undefined) errors.add('processingMode', 'Cannot be set for UNSCHEDULED charges');
  if (processingMode === 'SINGLE_ATTEMPT' && retryDays !== undefined && retryDays !== 0) errors.add('retryDays', 'Must be 0 when processingMode is SINGLE_ATTEMPT');
  const orderId = readString(errors, obj, 'orderId', 'orderId', { min: 1, max: 64, pattern: ORDER_ID, patternReason: 'Only letters, digits and "-" are allowed' });
  const externalId = readString(errors, obj, 'externalId', 'externalId', { min: 1, max: 64 });
  errors.throwIfAny();
  return {
    amount: amount!,
    description: description!,
    transactionType: transactionType!,
    type,
    due,
    retryDays: retryDays ?? 0,
    processingMode: processingMode ?? (recurring ? 'MULTIPLE_ATTEMPTS' : 'SINGLE_ATTEMPT'),
    orderId,
    externalId,
  };
}

export function validateCapture(body: unknown): { amount: number } {
  const obj = requireObjectBody(body);
  const errors = new FieldErrors();
  const amount = readInt(errors, obj, 'amount', 'amount', { required: true, min: 1 });
  // `description` is deprecated but still accepted (1..100).
  readString(errors, obj, 'description', 'description', { min: 1, max: 100 });
  errors.throwIfAny();
  return { amount: amount! };
}

export function validateRefund(body: unknown): { amount: number; description: string } {
  const obj = requireObjectBody(body);
  const errors = new FieldErrors();
  const amount = readInt(errors, obj, 'amount', 'amount', { required: true, min: 1 });
  const description = readString(errors, obj, 'description', 'description', { required: true, min: 1, max: 100 });
  errors.throwIfAny();
  return { amount: amount!, description: description! };
}
