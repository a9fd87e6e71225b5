import { z } from 'zod';
import { TransportError, type HttpClient } from '../http/http-client';

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

const planListSchema = z.object({ plans: z.array(z.unknown()) });

export type PlanFetch = { kind: 'unchanged' } | { kind: 'fresh'; etag: string | null; body: string; plans: unknown[] };

/** The shop's billing backend (a subscription billing system such as INFO-Subscription). */
export class BillingClient {
  constructor(
    private readonly http: HttpClient,
    private readonly config: BillingConfig,
  ) {}

  /** The plan catalogue; entries are returned unvalidated so one bad entry cannot hide the rest. */
  async fetchPlans(etag: string | null): Promise<PlanFetch> {
    const headers: Record<string, string> = { Authorization: `Bearer ${this.config.apiKey}` };
    if (etag) headers['If-None-Match'] = etag;
    let res;
    try {
      res = await this.http.send({ method: 'GET', url: `${this.config.baseUrl}/billing/v1/plans`, headers });
    } catch (error) {
      if (error instanceof TransportError) throw new BillingUnavailableError(error.message);
      throw error;
    }
    if (res.status === 304) return { kind: 'unchanged' };
    if (res.status !== 200) throw new BillingUnavailableError(`HTTP ${res.status}`, res.status);
    const parsed = planListSchema.safeParse(res.body);
    if (!parsed.success) throw new BillingUnavailableError('the catalogue is not in the expected format');
    return { kind: 'fresh', etag: res.headers.etag ?? null, body: JSON.stringify(res.body), plans: parsed.data.plans };
  }
}
