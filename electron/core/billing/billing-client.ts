import { z } from 'zod';
import { parseRetryAfter, TransportError, type HttpClient } from '../http/http-client';

export const billingConfigSchema = z.object({
  baseUrl: z.url(),
  apiKey: z.string().min(1),
});
export type BillingConfig = z.infer<typeof billingConfigSchema>;

export class BillingUnavailableError extends Error {
  constructor(
    detail: string,
    readonly status: number | null = null,
  ) {
    super(`The billing backend is unavailable: ${detail}`);
    this.name = 'BillingUnavailableError';
  }
}

/** The backend answered 401/403: it is reachable, and it refuses this till's API key. */
export class BillingAuthError extends Error {
  constructor(readonly status: number) {
    super(`The billing backend refused this till's API key (HTTP ${status})`);
    this.name = 'BillingAuthError';
  }
}

export type CatalogueKind = 'plans' | 'products';

/** How a failed report should be treated by the outbox (architecture: retryable, rate-limited, permanent, auth). */
export type DeliveryFailureKind = 'retryable' | 'rate-limited' | 'permanent' | 'auth';

/**
 * What a refusal said beyond its status: the problem's `type` (its last path segment, e.g.
 * `unprocessable-report`; null for `about:blank` or none) and the fields it named. Codes, not
 * words, so the till can say why in the manager's language.
 */
export interface BillingRefusal {
  problemType: string | null;
  fields: string[];
}

export class BillingDeliveryError extends Error {
  constructor(
    readonly kind: DeliveryFailureKind,
    readonly status: number | null,
    detail: string,
    readonly retryAfterMs: number | null = null,
    readonly refusal: BillingRefusal = { problemType: null, fields: [] },
  ) {
    super(detail);
    this.name = 'BillingDeliveryError';
  }
}

const reportPaths = { sale: 'sales', agreement: 'agreements', refund: 'refunds', 'z-report': 'z-reports', 'agreement-event': 'agreement-events' } as const;
const problemSchema = z.looseObject({ type: z.string().optional(), title: z.string().optional(), detail: z.string().optional(), errors: z.array(z.looseObject({ field: z.string(), message: z.string() })).optional() });

/** `https://billing.example.com/problems/report-conflict` -> `report-conflict`; `about:blank` -> null. */
function problemTypeName(type: string | undefined): string | null {
  if (!type || type === 'about:blank') return null;
  return type.replace(/[?#].*$/, '').split('/').filter(Boolean).pop() ?? null;
}

export type CatalogueFetch = { kind: 'unchanged' } | { kind: 'fresh'; etag: string | null; body: string; entries: unknown[] };

/** The shop's billing backend (a subscription billing system such as INFO-Subscription). */
export class BillingClient {
  constructor(
    private readonly http: HttpClient,
    private readonly config: BillingConfig,
  ) {}

  /**
   * A catalogue list (`/billing/v1/plans` → `{plans: [...]}`, `/billing/v1/products` → `{products: [...]}`).
   * Entries are returned unvalidated, so one bad entry cannot hide the rest.
   */
  async fetchCatalogue(kind: CatalogueKind, etag: string | null): Promise<CatalogueFetch> {
    const headers: Record<string, string> = { Authorization: `Bearer ${this.config.apiKey}` };
    if (etag) headers['If-None-Match'] = etag;
    let res;
    try {
      res = await this.http.send({ method: 'GET', url: `${this.config.baseUrl}/billing/v1/${kind}`, headers });
    } catch (error) {
      if (error instanceof TransportError) throw new BillingUnavailableError(error.message);
      throw error;
    }
    if (res.status === 304) return { kind: 'unchanged' };
    if (res.status === 401 || res.status === 403) throw new BillingAuthError(res.status);
    if (res.status !== 200) throw new BillingUnavailableError(`HTTP ${res.status}`, res.status);
    const parsed = z.object({ [kind]: z.array(z.unknown()) }).safeParse(res.body);
    if (!parsed.success) throw new BillingUnavailableError(`the ${kind} list is not in the expected format`);
    return { kind: 'fresh', etag: res.headers.etag ?? null, body: JSON.stringify(res.body), entries: parsed.data[kind] as unknown[] };
  }

  /**
   * Sends one report (PUT, idempotent on the subject id). Resolves when the backend holds it
   * (201, or 200 for a replay); otherwise throws a BillingDeliveryError saying what to do next.
   */
  async report(kind: keyof typeof reportPaths, subjectId: string, payload: unknown, idempotencyKey: string, now: number): Promise<unknown> {
    let res;
    try {
      res = await this.http.send({
        method: 'PUT',
        url: `${this.config.baseUrl}/billing/v1/${reportPaths[kind]}/${encodeURIComponent(subjectId)}`,
        headers: { Authorization: `Bearer ${this.config.apiKey}`, 'Idempotency-Key': idempotencyKey },
        json: payload,
      });
    } catch (error) {
      if (error instanceof TransportError) throw new BillingDeliveryError('retryable', null, error.message);
      throw error;
    }
    if (res.status === 200 || res.status === 201) return res.body;
    const retryAfter = parseRetryAfter(res.headers['retry-after'], now);
    const problem = problemSchema.safeParse(res.body);
    const detail = problem.success
      ? [problem.data.title, problem.data.detail, ...(problem.data.errors ?? []).map((e) => `${e.field}: ${e.message}`)].filter(Boolean).join(' — ')
      : `HTTP ${res.status}`;
    if (res.status === 401 || res.status === 403) throw new BillingDeliveryError('auth', res.status, detail);
    if (res.status === 429) throw new BillingDeliveryError('rate-limited', res.status, detail, retryAfter);
    if (res.status >= 500 || res.status === 408) throw new BillingDeliveryError('retryable', res.status, detail, retryAfter);
    throw new BillingDeliveryError('permanent', res.status, detail, null, {
      problemType: problem.success ? problemTypeName(problem.data.type) : null,
      fields: problem.success ? [...new Set((problem.data.errors ?? []).map((e) => e.field))] : [],
    });
  }

  /**
   * The subscriber registry (GET /billing/v1/subscribers?phoneNumber=|agreementId=, or
   * /subscribers/{subscriberId}): who has which accounts and agreements. Throws
   * BillingUnavailableError when the backend cannot be asked; a 404 by id is an empty list.
   */
  async lookupSubscribers(query: { phoneNumber: string } | { subscriberId: string } | { agreementId: string }): Promise<BillingSubscriber[]> {
    const base = `${this.config.baseUrl}/billing/v1/subscribers`;
    const url =
      'subscriberId' in query
        ? `${base}/${encodeURIComponent(query.subscriberId)}`
        : 'phoneNumber' in query
          ? `${base}?phoneNumber=${encodeURIComponent(query.phoneNumber)}`
          : `${base}?agreementId=${encodeURIComponent(query.agreementId)}`;
    let res;
    try {
      res = await this.http.send({ method: 'GET', url, headers: { Authorization: `Bearer ${this.config.apiKey}` } });
    } catch (error) {
      if (error instanceof TransportError) throw new BillingUnavailableError(error.message);
      throw error;
    }
    if (res.status === 404 && 'subscriberId' in query) return [];
    if (res.status === 401 || res.status === 403) throw new BillingAuthError(res.status);
    if (res.status !== 200) throw new BillingUnavailableError(`HTTP ${res.status}`, res.status);
    const parsed = ('subscriberId' in query ? billingSubscriberSchema.transform((one) => ({ subscribers: [one] })) : subscriberListSchema).safeParse(res.body);
    if (!parsed.success) throw new BillingUnavailableError('the subscriber answer is not in the expected format');
    return parsed.data.subscribers;
  }
}

/** A subscriber as billing-api.yaml defines it (Subscriber). Loose: the backend may add fields. */
export const billingSubscriberSchema = z.looseObject({
  subscriberId: z.string(),
  phoneNumber: z.string(),
  contact: z.looseObject({
    name: z.string().nullable().optional(),
    email: z.string().nullable().optional(),
    address: z.string().nullable().optional(),
    phoneNumber: z.string().nullable().optional(),
    birthDate: z.string().nullable().optional(),
  }),
  accounts: z.array(
    z.looseObject({
      accountId: z.string(),
      agreements: z.array(
        z.looseObject({
          billingAgreementId: z.string(),
          vippsAgreementId: z.string(),
          planId: z.string().nullable().optional(),
          status: z.string(),
        }),
      ),
    }),
  ),
});
export type BillingSubscriber = z.infer<typeof billingSubscriberSchema>;
const subscriberListSchema = z.object({ subscribers: z.array(billingSubscriberSchema) });

/** What PUT /billing/v1/agreements/{id} answers (AgreementRegistered). */
export const agreementRegisteredSchema = z.looseObject({
  agreementId: z.string(),
  vippsAgreementId: z.string().optional(),
  billingAgreementId: z.string().optional(),
  subscriberId: z.string(),
  accountId: z.string(),
  registeredAt: z.string(),
});
