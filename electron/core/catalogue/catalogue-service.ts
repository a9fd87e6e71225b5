import { because } from '../../../shared/reasons';
import { KassaError } from '../../../shared/result';
import type { CatalogueCacheRepo } from '../db/repos/catalogue-cache-repo';
import { BillingAuthError, BillingUnavailableError, type BillingClient, type CatalogueKind } from '../billing/billing-client';

export interface Validated<T> {
  items: T[];
  rejected: Array<{ id: string; name: string; reason: string }>;
}

export interface CatalogueView<T> extends Validated<T> {
  /** `live` when just fetched from the billing backend, `cache` when it was unreachable. */
  source: 'live' | 'cache';
  fetchedAt: number | null;
}

/**
 * One catalogue list (plans or products): fetched from the billing backend when it answers,
 * otherwise served from the SQLite copy, so the till can still sell while the backend is down.
 * Entries are validated one by one each time they are read; bad ones are kept visible with a reason.
 */
export class CatalogueService<T extends { id: string }> {
  constructor(
    private readonly kind: CatalogueKind,
    private readonly billing: BillingClient,
    private readonly cache: CatalogueCacheRepo,
    private readonly validate: (entries: unknown[]) => Validated<T>,
    private readonly now: () => number,
  ) {}

  async list(): Promise<CatalogueView<T>> {
    const cached = this.cache.get(this.kind);
    const noun = this.kind === 'plans' ? 'plan' : 'product';
    try {
      const fetched = await this.billing.fetchCatalogue(this.kind, cached?.etag ?? null);
      const fetchedAt = this.now();
      if (fetched.kind === 'fresh') {
        this.cache.put(this.kind, { etag: fetched.etag, body: fetched.body, fetchedAt });
        return { ...this.validate(fetched.entries), source: 'live', fetchedAt };
      }
      if (cached) {
        this.cache.touch(this.kind, fetchedAt);
        return { ...this.fromCache(cached.body), source: 'live', fetchedAt };
      }
    } catch (error) {
      // A refused key is not a network problem: "check the network" would send the cashier the wrong way.
      // With a saved copy the till keeps selling (reports wait in the outbox until the key is fixed).
      if (error instanceof BillingAuthError && !cached) {
        throw new KassaError(
          'BILLING_AUTH',
          `The ${noun} list cannot be loaded: the billing backend refused this till's API key. Ask the manager to fix the key (KASSA_BILLING_API_KEY), then try again.`,
          undefined,
          because('CATALOGUE_KEY_REFUSED', { kind: this.kind }),
        );
      }
      if (!(error instanceof BillingUnavailableError) && !(error instanceof BillingAuthError)) throw error;
    }
    if (!cached) {
      throw new KassaError(
        'BILLING_UNAVAILABLE',
        `The ${noun} list cannot be loaded: the billing backend is unreachable and this till has no saved copy yet. Check the network and try again.`,
        undefined,
        because('CATALOGUE_UNREACHABLE', { kind: this.kind }),
      );
    }
    return { ...this.fromCache(cached.body), source: 'cache', fetchedAt: cached.fetchedAt };
  }

  /** The saved list (fetched first if the till has none): what a sale is built from. */
  async saved(): Promise<Validated<T>> {
    const cached = this.cache.get(this.kind);
    return cached ? this.fromCache(cached.body) : this.list();
  }

  /** A sellable entry by id; a rejected or unknown id is a VALIDATION error naming what is wrong. */
  async find(id: string, field: string): Promise<T> {
    const { items, rejected } = await this.saved();
    const item = items.find((candidate) => candidate.id === id);
    if (item) return item;
    const refused = rejected.find((candidate) => candidate.id === id);
    if (refused) throw new KassaError('VALIDATION', `"${refused.name}" cannot be sold: ${refused.reason}`, { [field]: refused.reason }, because('ENTRY_NOT_SELLABLE', { name: refused.name }));
    const noun = this.kind === 'plans' ? 'plan' : 'product';
    throw new KassaError('VALIDATION', `Choose a ${noun} from the list.`, { [field]: `Choose a ${noun} from the list.` }, because(this.kind === 'plans' ? 'CHOOSE_PLAN' : 'CHOOSE_PRODUCT'));
  }

  private fromCache(body: string): Validated<T> {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    const entries = parsed[this.kind];
    return this.validate(Array.isArray(entries) ? entries : []);
  }
}
