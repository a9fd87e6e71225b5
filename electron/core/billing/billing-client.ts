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

export type CatalogueKind = 'plans' | 'products';

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
    if (res.status !== 200) throw new BillingUnavailableError(`HTTP ${res.status}`, res.status);
    const parsed = z.object({ [kind]: z.array(z.unknown()) }).safeParse(res.body);
    if (!parsed.success) throw new BillingUnavailableError(`the ${kind} list is not in the expected format`);
    return { kind: 'fresh', etag: res.headers.etag ?? null, body: JSON.stringify(res.body), entries: parsed.data[kind] as unknown[] };
  }
}
