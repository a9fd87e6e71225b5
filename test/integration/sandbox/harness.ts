/**
 * Test harness: a real sandbox on 127.0.0.1:0 whose clock is a variable the test moves
 * (`h.clock.now += …`) — no sleeping, no real waiting — plus small fetch helpers for the three
 * surfaces (Vipps API with a token, control API, raw requests).
 */
import { randomUUID } from 'node:crypto';
import { createSandbox } from '../../../electron/sandbox/create-sandbox';
import type { Sandbox, SandboxOptions } from '../../../electron/sandbox/sandbox-api';
import { trainingCredentials } from '../../../electron/sandbox/training-credentials';

export const START = Date.UTC(2026, 10, 22, 9, 0, 0);
export const MINUTE = 60_000;

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON, or undefined when the body was empty or not JSON. */
  body: any;
}

export interface RequestOptions {
  body?: unknown;
  /** Raw body text (sent as-is). */
  rawBody?: string;
  headers?: Record<string, string>;
  /** Default: a fresh key on POST/PATCH/DELETE. `null` sends none. */
  idempotencyKey?: string | null;
  /** Default: a cached valid token. `null` sends no Authorization header. */
  token?: string | null;
  /** Default: the training subscription key. `null` omits the header. */
  subscriptionKey?: string | null;
  /** Merchant-Serial-Number; `epayment()` sends the training MSN by default, `null` omits it. */
  msn?: string | null;
}

export interface Harness {
  sandbox: Sandbox;
  clock: { now: number };
  token(): Promise<string>;
  vipps(method: string, path: string, options?: RequestOptions): Promise<Reply>;
  control(method: string, path: string, body?: unknown): Promise<Reply>;
  raw(method: string, path: string, init?: { headers?: Record<string, string>; body?: string }): Promise<Reply>;
  /** Drafts an agreement (with overrides) and returns its id and the reply. */
  draft(overrides?: Record<string, unknown>): Promise<{ agreementId: string; chargeId: string | null; reply: Reply }>;
  /** An ePayment call: like `vipps`, plus `Merchant-Serial-Number` (required by ePayment). */
  epayment(method: string, path: string, options?: RequestOptions): Promise<Reply>;
  /** Creates an ePayment payment (paymentBody + overrides), throws unless 201. */
  createPayment(overrides?: Record<string, unknown>, options?: RequestOptions): Promise<{ reference: string; reply: Reply }>;
  close(): Promise<void>;
}

export const tokenHeaders = {
  client_id: trainingCredentials.clientId,
  client_secret: trainingCredentials.clientSecret,
  'Ocp-Apim-Subscription-Key': trainingCredentials.subscriptionKey,
};

export function draftBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    pricing: { type: 'LEGACY', currency: 'NOK', amount: 29900 },
    interval: { unit: 'MONTH', count: 1 },
    merchantRedirectUrl: 'https://kassa.example/return',
    merchantAgreementUrl: 'https://kassa.example/agreements',
    productName: 'Kaffeklubben',
    phoneNumber: '4791234567',
    skipLandingPage: true,
    ...overrides,
  };
}

let references = 0;

/** A fresh payment reference per call, valid for ePayment (`^[a-zA-Z0-9-]{8,64}$`). */
export function newReference(): string {
  references += 1;
  return `kassa-test-${String(references).padStart(4, '0')}-${randomUUID().slice(0, 8)}`;
}

/**
 * A PUSH_MESSAGE payment as a Norwegian till sends it: customer present, a receipt whose lines add
 * up (2 cinnamon buns at 15 % VAT + a newspaper at 0 %) = 118 kr.
 */
export function paymentBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    amount: { currency: 'NOK', value: 11800 },
    paymentMethod: { type: 'WALLET' },
    customer: { phoneNumber: '4791234567' },
    reference: newReference(),
    userFlow: 'PUSH_MESSAGE',
    customerInteraction: 'CUSTOMER_PRESENT',
    paymentDescription: 'Kassa Training Shop, kvittering 1042',
    receipt: {
      orderLines: [
        { name: 'Kanelbolle', id: 'kanelbolle', totalAmount: 7800, totalAmountExcludingTax: 6783, totalTaxAmount: 1017, taxRate: 1500, unitInfo: { unitPrice: 3900, quantity: '2', quantityUnit: 'PCS' } },
        { name: 'Aftenposten', id: 'aftenposten', totalAmount: 4000, totalAmountExcludingTax: 4000, totalTaxAmount: 0, taxRate: 0 },
      ],
      bottomLine: { currency: 'NOK', posId: 'kasse-1', receiptNumber: '1042' },
    },
    ...overrides,
  };
}

async function toReply(response: Response): Promise<Reply> {
  const text = await response.text();
  let body: any;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, text, body };
}

export async function startSandbox(options: Partial<SandboxOptions> = {}): Promise<Harness> {
  const clock = { now: START };
  const sandbox = await createSandbox({ port: 0, now: () => clock.now, ...options });
  let cachedToken: { token: string; expiresOnMs: number } | null = null;

  const raw: Harness['raw'] = async (method, path, init = {}) =>
    toReply(await fetch(sandbox.url + path, { method, headers: init.headers, body: init.body }));

  // Cached like a real client would, and fetched again once the sandbox clock passes its expiry.
  const token = async () => {
    if (cachedToken && sandbox.now() < cachedToken.expiresOnMs) return cachedToken.token;
    const reply = await raw('POST', '/accesstoken/get', { headers: tokenHeaders });
    if (reply.status !== 200) throw new Error(`token: ${reply.status} ${reply.text}`);
    cachedToken = { token: reply.body.access_token as string, expiresOnMs: Number(reply.body.expires_on) * 1000 };
    return cachedToken.token;
  };

  const vipps: Harness['vipps'] = async (method, path, o = {}) => {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    const bearer = o.token === undefined ? await token() : o.token;
    if (bearer !== null) headers['Authorization'] = `Bearer ${bearer}`;
    const key = o.subscriptionKey === undefined ? trainingCredentials.subscriptionKey : o.subscriptionKey;
    if (key !== null) headers['Ocp-Apim-Subscription-Key'] = key;
    const mutating = method !== 'GET';
    const idem = o.idempotencyKey === undefined ? (mutating ? randomUUID() : null) : o.idempotencyKey;
    if (idem !== null) headers['Idempotency-Key'] = idem;
    let body: string | undefined = o.rawBody;
    if (o.body !== undefined) {
      body = JSON.stringify(o.body);
      headers['Content-Type'] ??= 'application/json';
    }
    return raw(method, path, { headers, body });
  };

  const control: Harness['control'] = (method, path, body) =>
    raw(method, `/_control${path}`, body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  const draft: Harness['draft'] = async (overrides = {}) => {
    const reply = await vipps('POST', '/recurring/v3/agreements', { body: draftBody(overrides) });
    if (reply.status !== 201) throw new Error(`draft: ${reply.status} ${reply.text}`);
    return { agreementId: reply.body.agreementId, chargeId: reply.body.chargeId, reply };
  };

  const epayment: Harness['epayment'] = (method, path, o = {}) => {
    const msn = o.msn === undefined ? trainingCredentials.merchantSerialNumber : o.msn;
    return vipps(method, path, { ...o, headers: { ...(msn === null ? {} : { 'Merchant-Serial-Number': msn }), ...(o.headers ?? {}) } });
  };

  const createPayment: Harness['createPayment'] = async (overrides = {}, options = {}) => {
    const body = paymentBody(overrides);
    const reply = await epayment('POST', '/epayment/v1/payments', { ...options, body });
    if (reply.status !== 201) throw new Error(`create payment: ${reply.status} ${reply.text}`);
    return { reference: body['reference'] as string, reply };
  };

  return { sandbox, clock, token, vipps, control, raw, draft, epayment, createPayment, close: () => sandbox.close() };
}

export function expectProblemShape(reply: Reply, status: number, identifier: string): void {
  if (reply.status !== status) throw new Error(`expected ${status}, got ${reply.status}: ${reply.text}`);
  const contentType = reply.headers.get('content-type') ?? '';
  if (!contentType.startsWith('application/problem+json')) throw new Error(`expected problem+json, got ${contentType}`);
  const b = reply.body;
  const expectedType = `https://developer.vippsmobilepay.com/docs/APIs/recurring-api/recurring-api-problems#${identifier}`;
  if (b.type !== expectedType) throw new Error(`expected type ${expectedType}, got ${b.type}`);
  for (const field of ['title', 'detail', 'instance', 'contextId']) {
    if (typeof b[field] !== 'string' || b[field] === '') throw new Error(`problem.${field} missing: ${reply.text}`);
  }
  if (b.status !== status) throw new Error(`problem.status ${b.status} != ${status}`);
  if (!Array.isArray(b.extraDetails)) throw new Error('problem.extraDetails must be an array');
}

/** Checks the ePayment Problem shape and returns its ErrorCode (null for a validation error). */
export function expectEpaymentProblem(reply: Reply, status: number, code: number | null): void {
  if (reply.status !== status) throw new Error(`expected ${status}, got ${reply.status}: ${reply.text}`);
  const contentType = reply.headers.get('content-type') ?? '';
  if (!contentType.startsWith('application/problem+json')) throw new Error(`expected problem+json, got ${contentType}`);
  const b = reply.body;
  if (b.type !== `https://httpstatuses.io/${status}`) throw new Error(`problem.type ${b.type}`);
  if (b.status !== status) throw new Error(`problem.status ${b.status} != ${status}`);
  for (const field of ['title', 'detail', 'traceId', 'instance']) {
    if (typeof b[field] !== 'string' || b[field] === '') throw new Error(`problem.${field} missing: ${reply.text}`);
  }
  if (!/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/.test(b.traceId)) throw new Error(`traceId ${b.traceId}`);
  if (b.instance.startsWith('/epayment/')) throw new Error(`instance should be under the API root: ${b.instance}`);
  if (!Array.isArray(b.extraDetails)) throw new Error('problem.extraDetails must be an array');
  const found = errorCode(reply);
  if (found !== code) throw new Error(`expected ErrorCode ${code}, got ${found}: ${reply.text}`);
}

export function errorCode(reply: Reply): number | null {
  const detail = (reply.body?.extraDetails ?? []).find((d: { name: string }) => d.name === 'ErrorCode');
  return detail ? Number(detail.reason) : null;
}

export function fieldNames(reply: Reply): string[] {
  return (reply.body?.extraDetails ?? []).map((d: { name: string }) => d.name);
}
