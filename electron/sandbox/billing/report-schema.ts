/**
 * The request schemas of electron/core/billing/billing-api.yaml, transcribed one to one into a
 * tiny schema language and checked by hand: the sandbox ships inside the app and carries no JSON
 * Schema validator. A body that breaks one of these is a 400 with every failing field listed. The
 * contract test (test/integration/contract/billing-contract.test.ts) holds the transcription to the
 * document: every request the sandbox refused with 400 must fail openapi-backend's validation too,
 * and every one it accepted must pass it.
 *
 * Kept from the document: types, `required`, `nullable`, string `minLength`/`maxLength`/`pattern`/
 * `enum`, `format: date-time`, integer `minimum`/`maximum`, array `minItems`. Unknown properties
 * are allowed (the document does not set `additionalProperties: false`).
 *
 * One deliberate difference: MinorUnits (`integer`, `format: int64`) must also be a safe integer
 * (|n| ≤ 2^53 − 1). A JSON number beyond that cannot be read back exactly by a JavaScript (or any
 * IEEE-754 double) parser, so accepting it would store an amount the till did not send.
 */
import type { FieldError } from './billing-problems';

export type Schema =
  | { type: 'object'; required?: readonly string[]; properties: Readonly<Record<string, Schema>>; nullable?: boolean }
  | { type: 'array'; items: Schema; minItems?: number; nullable?: boolean }
  | { type: 'string'; minLength?: number; maxLength?: number; pattern?: RegExp; enum?: readonly string[]; format?: 'date-time'; nullable?: boolean }
  | { type: 'integer'; minimum?: number; maximum?: number; format?: 'int64'; nullable?: boolean }
  | { type: 'boolean'; nullable?: boolean };

/** RFC 3339 date-time (what ajv-formats' `date-time` accepts): a date, `T`, a time, and a zone. */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$/;

export function isDateTime(value: string): boolean {
  const m = DATE_TIME.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return false;
  if (hour > 23 || minute > 59 || second > 60) return false;
  if (m[9] !== undefined && (Number(m[9]) > 23 || Number(m[10]) > 59)) return false;
  return true;
}

function typeName(schema: Schema): string {
  return schema.type === 'integer' ? 'an integer' : schema.type === 'array' ? 'an array' : schema.type === 'object' ? 'an object' : `a ${schema.type}`;
}

/** Collects every violation of `schema` in `value`; `field` is where `value` sits. */
export function check(schema: Schema, value: unknown, field: string, errors: FieldError[]): void {
  const add = (message: string): void => {
    errors.push({ field, message });
  };
  if (value === null) {
    if (!schema.nullable) add(`must be ${typeName(schema)}, not null`);
    return;
  }
  switch (schema.type) {
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) return add('must be an object');
      const obj = value as Record<string, unknown>;
      for (const name of schema.required ?? []) {
        if (obj[name] === undefined) errors.push({ field: join(field, name), message: 'is required' });
      }
      for (const [name, property] of Object.entries(schema.properties)) {
        if (obj[name] !== undefined) check(property, obj[name], join(field, name), errors);
      }
      return;
    }
    case 'array': {
      if (!Array.isArray(value)) return add('must be an array');
      if (schema.minItems !== undefined && value.length < schema.minItems) add(`must have at least ${schema.minItems} item${schema.minItems === 1 ? '' : 's'}`);
      value.forEach((item, i) => check(schema.items, item, `${field}[${i}]`, errors));
      return;
    }
    case 'string': {
      if (typeof value !== 'string') return add('must be a string');
      if (schema.minLength !== undefined && value.length < schema.minLength) return add(schema.minLength === 1 ? 'must not be empty' : `must be at least ${schema.minLength} characters`);
      if (schema.maxLength !== undefined && value.length > schema.maxLength) return add(`must be at most ${schema.maxLength} characters`);
      if (schema.enum && !schema.enum.includes(value)) return add(`must be one of ${schema.enum.join(', ')}`);
      if (schema.pattern && !schema.pattern.test(value)) return add(`must match ${schema.pattern.source}`);
      if (schema.format === 'date-time' && !isDateTime(value)) return add('must be an RFC 3339 date-time, e.g. 2026-11-22T09:00:00Z');
      return;
    }
    case 'integer': {
      if (typeof value !== 'number' || !Number.isInteger(value)) return add(schema.format === 'int64' ? 'must be a whole number of minor units (øre, cents), never a decimal or a string' : 'must be an integer');
      if (schema.format === 'int64' && !Number.isSafeInteger(value)) return add('must be within ±9007199254740991 (larger amounts cannot be read back exactly)');
      if (schema.minimum !== undefined && value < schema.minimum) return add(`must be at least ${schema.minimum}`);
      if (schema.maximum !== undefined && value > schema.maximum) return add(`must be at most ${schema.maximum}`);
      return;
    }
    case 'boolean':
      if (typeof value !== 'boolean') add('must be a boolean');
      return;
  }
}

function join(parent: string, name: string): string {
  return parent === '' ? name : `${parent}.${name}`;
}

// ---- components/schemas of billing-api.yaml -------------------------------------------------

export const ID_PATTERN = /^[A-Za-z0-9_-]+$/;
const id: Schema = { type: 'string', minLength: 1, maxLength: 64, pattern: ID_PATTERN };
const currency: Schema = { type: 'string', enum: ['NOK', 'DKK', 'EUR'] };
const minorUnits: Schema = { type: 'integer', format: 'int64', minimum: 0, maximum: Number.MAX_SAFE_INTEGER };
const vatRate: Schema = { type: 'integer', minimum: 0, maximum: 10000 };
const dateTime: Schema = { type: 'string', format: 'date-time' };
const text: Schema = { type: 'string' };
const signedMinorUnits: Schema = { type: 'integer', format: 'int64', minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER };
const nullableText: Schema = { type: 'string', nullable: true };

const saleLine: Schema = {
  type: 'object',
  required: ['productId', 'name', 'quantity', 'unitPrice', 'total', 'vat', 'vatRate'],
  properties: { productId: text, name: text, quantity: { type: 'integer', minimum: 1 }, unitPrice: minorUnits, total: minorUnits, vat: minorUnits, vatRate },
};

const vatSummary: Schema = {
  type: 'object',
  required: ['rate', 'base', 'vat', 'total'],
  properties: { rate: vatRate, base: minorUnits, vat: minorUnits, total: minorUnits },
};

const tender: Schema = {
  type: 'object',
  required: ['type', 'amount'],
  properties: {
    type: { type: 'string', enum: ['VIPPS_MOBILEPAY', 'CASH'] },
    amount: minorUnits,
    reference: text,
    pspReference: text,
    capturedAmount: minorUnits,
    tendered: minorUnits,
    change: minorUnits,
    rounding: signedMinorUnits,
  },
};

export const saleReportSchema: Schema = {
  type: 'object',
  required: ['saleId', 'receiptNumber', 'tillId', 'currency', 'total', 'vat', 'lines', 'vatSummary', 'tenders', 'createdAt', 'completedAt'],
  properties: {
    saleId: id,
    receiptNumber: text,
    tillId: text,
    cashier: nullableText,
    currency,
    total: minorUnits,
    vat: minorUnits,
    lines: { type: 'array', minItems: 1, items: saleLine },
    vatSummary: { type: 'array', items: vatSummary },
    tenders: { type: 'array', minItems: 1, items: tender },
    createdAt: dateTime,
    completedAt: dateTime,
  },
};

export const agreementReportSchema: Schema = {
  type: 'object',
  required: ['agreementId', 'saleId', 'tillId', 'planId', 'phoneNumber', 'currency', 'createdAt', 'activatedAt'],
  properties: {
    agreementId: text,
    saleId: id,
    tillId: text,
    cashier: nullableText,
    planId: text,
    phoneNumber: { type: 'string', pattern: /^\d{9,15}$/ },
    currency,
    subscriber: { type: 'object', properties: { name: text, email: text, address: text, phoneNumber: text, birthDate: text } },
    initialCharge: {
      type: 'object',
      nullable: true,
      required: ['chargeId', 'amount', 'status'],
      properties: { chargeId: text, amount: minorUnits, status: text },
    },
    createdAt: dateTime,
    activatedAt: dateTime,
  },
};

export const refundReportSchema: Schema = {
  type: 'object',
  required: ['refundId', 'saleId', 'tillId', 'currency', 'amount', 'createdAt', 'refundedAt'],
  properties: {
    refundId: id,
    saleId: id,
    tillId: text,
    cashier: nullableText,
    approvedBy: nullableText,
    currency,
    amount: { type: 'integer', format: 'int64', minimum: 1, maximum: Number.MAX_SAFE_INTEGER },
    rounding: signedMinorUnits,
    reference: text,
    createdAt: dateTime,
    refundedAt: dateTime,
  },
};

const count: Schema = { type: 'integer', minimum: 0 };

export const zReportReportSchema: Schema = {
  type: 'object',
  required: ['zReportId', 'tillId', 'number', 'currency', 'periodStart', 'closedAt', 'gross', 'refunds', 'net', 'grandTotal', 'tenders', 'vatSummary', 'cash', 'agreements', 'unsyncedAtClose', 'closedWithUnsynced'],
  properties: {
    zReportId: id,
    tillId: text,
    number: { type: 'integer', minimum: 1 },
    currency,
    periodStart: dateTime,
    closedAt: dateTime,
    closedBy: nullableText,
    gross: minorUnits,
    refunds: minorUnits,
    rounding: signedMinorUnits,
    net: signedMinorUnits,
    grandTotal: signedMinorUnits,
    tenders: {
      type: 'array',
      items: {
        type: 'object',
        required: ['type', 'count', 'gross', 'refunds', 'net'],
        properties: {
          type: { type: 'string', enum: ['VIPPS_MOBILEPAY_PUSH', 'VIPPS_MOBILEPAY_QR', 'CASH', 'AGREEMENT_INITIAL_CHARGE'] },
          count,
          gross: minorUnits,
          refunds: minorUnits,
          rounding: signedMinorUnits,
          net: signedMinorUnits,
        },
      },
    },
    vatSummary: {
      type: 'array',
      items: {
        type: 'object',
        required: ['rate', 'base', 'vat', 'total', 'refundBase', 'refundVat', 'refundTotal'],
        properties: { rate: vatRate, base: minorUnits, vat: minorUnits, total: minorUnits, refundBase: minorUnits, refundVat: minorUnits, refundTotal: minorUnits },
      },
    },
    cash: {
      type: 'object',
      required: ['float', 'sales', 'refunds', 'cashIn', 'cashOut', 'expected', 'counted', 'difference'],
      properties: {
        float: minorUnits,
        sales: minorUnits,
        refunds: minorUnits,
        rounding: signedMinorUnits,
        cashIn: minorUnits,
        cashOut: minorUnits,
        expected: signedMinorUnits,
        counted: minorUnits,
        difference: signedMinorUnits,
      },
    },
    agreements: {
      type: 'object',
      required: ['requested', 'approved', 'declined', 'expired', 'cancelled', 'initialChargesAmount'],
      properties: { requested: count, approved: count, declined: count, expired: count, cancelled: count, initialChargesAmount: minorUnits },
    },
    unsyncedAtClose: count,
    closedWithUnsynced: { type: 'boolean' },
  },
};

/** Path parameters: saleId, refundId and zReportId are `Id`; agreementId is a string of 1–36 characters. */
/** AgreementEventReport: a change a till made to an existing agreement. */
export const agreementEventReportSchema: Schema = {
  type: 'object',
  required: ['eventId', 'vippsAgreementId', 'tillId', 'type', 'occurredAt'],
  properties: {
    eventId: id,
    vippsAgreementId: { type: 'string', minLength: 1, maxLength: 36 },
    tillId: { type: 'string' },
    cashier: { type: 'string', nullable: true },
    approvedBy: { type: 'string', nullable: true },
    type: { type: 'string', enum: ['PLAN_CHANGED', 'STOPPED', 'CHARGE_REFUNDED', 'CHARGE_CANCELLED'] },
    planId: { type: 'string' },
    previousPlanId: { type: 'string' },
    reason: { type: 'string' },
    chargeId: { type: 'string' },
    amount: { type: 'integer', format: 'int64', minimum: 1, maximum: Number.MAX_SAFE_INTEGER },
    currency: { type: 'string', enum: ['NOK', 'DKK', 'EUR'] },
    occurredAt: { type: 'string', format: 'date-time' },
  },
};

export interface AgreementEventReport {
  eventId: string;
  vippsAgreementId: string;
  tillId: string;
  cashier?: string | null;
  approvedBy?: string | null;
  type: 'PLAN_CHANGED' | 'STOPPED' | 'CHARGE_REFUNDED' | 'CHARGE_CANCELLED';
  planId?: string;
  previousPlanId?: string;
  reason?: string;
  chargeId?: string;
  amount?: number;
  currency?: Currency;
  occurredAt: string;
}

export const pathIdSchema = { sale: id, refund: id, 'z-report': id, 'agreement-event': id, agreement: { type: 'string', minLength: 1, maxLength: 36 } } as const satisfies Record<string, Schema>;

/** The `Idempotency-Key` header: optional, at most 64 characters. */
export const idempotencyKeySchema: Schema = { type: 'string', maxLength: 64 };

// ---- the shapes these schemas admit (after `check` found no error) ---------------------------

export type Currency = 'NOK' | 'DKK' | 'EUR';

export interface SaleReport {
  saleId: string;
  receiptNumber: string;
  tillId: string;
  cashier?: string | null;
  currency: Currency;
  total: number;
  vat: number;
  lines: Array<{ productId: string; name: string; quantity: number; unitPrice: number; total: number; vat: number; vatRate: number }>;
  vatSummary: Array<{ rate: number; base: number; vat: number; total: number }>;
  tenders: Array<{ type: 'VIPPS_MOBILEPAY' | 'CASH'; amount: number; reference?: string; pspReference?: string; capturedAmount?: number; tendered?: number; change?: number; rounding?: number }>;
  createdAt: string;
  completedAt: string;
}

export interface AgreementReport {
  agreementId: string;
  saleId: string;
  tillId: string;
  cashier?: string | null;
  planId: string;
  phoneNumber: string;
  currency: Currency;
  subscriber?: { name?: string; email?: string; address?: string; phoneNumber?: string; birthDate?: string };
  initialCharge?: { chargeId: string; amount: number; status: string } | null;
  createdAt: string;
  activatedAt: string;
}

export interface ZReportReport {
  zReportId: string;
  tillId: string;
  number: number;
  currency: Currency;
  periodStart: string;
  closedAt: string;
  closedBy?: string | null;
  gross: number;
  refunds: number;
  rounding?: number;
  net: number;
  grandTotal: number;
  tenders: Array<{ type: string; count: number; gross: number; refunds: number; rounding?: number; net: number }>;
  vatSummary: Array<{ rate: number; base: number; vat: number; total: number; refundBase: number; refundVat: number; refundTotal: number }>;
  cash: { float: number; sales: number; refunds: number; rounding?: number; cashIn: number; cashOut: number; expected: number; counted: number; difference: number };
  agreements: { requested: number; approved: number; declined: number; expired: number; cancelled: number; initialChargesAmount: number };
  unsyncedAtClose: number;
  closedWithUnsynced: boolean;
}

export interface RefundReport {
  refundId: string;
  saleId: string;
  tillId: string;
  cashier?: string | null;
  approvedBy?: string | null;
  currency: Currency;
  amount: number;
  rounding?: number;
  reference?: string;
  createdAt: string;
  refundedAt: string;
}
