import type { PlanCatalogue, Plan } from '../../../shared/catalogue';
import type { Currency } from '../../../shared/money';
import { KassaError } from '../../../shared/result';
import type { CatalogueCacheRepo } from '../db/repos/catalogue-cache-repo';
import { BillingUnavailableError, type BillingClient } from '../billing/billing-client';
import { validatePlans } from './plan-validation';

const PLANS = 'plans';

/**
 * The plan catalogue: fetched from the billing backend when it answers, otherwise served from the
 * SQLite copy, so the till can still sell while the backend is down.
 */
export class CatalogueService {
  constructor(
    private readonly billing: BillingClient,
    private readonly cache: CatalogueCacheRepo,
    private readonly shopCurrency: Currency,
    private readonly now: () => number,
  ) {}

  async plans(): Promise<PlanCatalogue> {
    const cached = this.cache.get(PLANS);
    try {
      const fetched = await this.billing.fetchPlans(cached?.etag ?? null);
      const fetchedAt = this.now();
      if (fetched.kind === 'unchanged' && cached) {
        this.cache.touch(PLANS, fetchedAt);
        return { ...this.fromCache(cached.body), source: 'live', fetchedAt };
      }
      if (fetched.kind === 'fresh') {
        this.cache.put(PLANS, { etag: fetched.etag, body: fetched.body, fetchedAt });
        return { ...validatePlans(fetched.plans, this.shopCurrency), source: 'live', fetchedAt };
      }
    } catch (error) {
      if (!(error instanceof BillingUnavailableError)) throw error;
      if (!cached) {
        throw new KassaError(
          'BILLING_UNAVAILABLE',
          'The plan list cannot be loaded: the billing backend is unreachable and this till has no saved copy yet. Check the network and try again.',
        );
      }
    }
    return { ...this.fromCache(cached!.body), source: 'cache', fetchedAt: cached!.fetchedAt };
  }

  /** A sellable plan by id, from the saved catalogue (fetched first if the till has none). */
  async findPlan(planId: string): Promise<Plan> {
    const cached = this.cache.get(PLANS);
    const catalogue = cached ? { ...this.fromCache(cached.body) } : await this.plans();
    const plan = catalogue.plans.find((p) => p.id === planId);
    if (plan) return plan;
    const rejected = catalogue.rejected.find((p) => p.id === planId);
    if (rejected) throw new KassaError('VALIDATION', `"${rejected.name}" cannot be sold: ${rejected.reason}`, { plan: rejected.reason });
    throw new KassaError('VALIDATION', 'Choose a plan from the list.', { plan: 'Choose a plan from the list.' });
  }

  private fromCache(body: string) {
    const parsed = JSON.parse(body) as { plans?: unknown };
    return validatePlans(Array.isArray(parsed.plans) ? parsed.plans : [], this.shopCurrency);
  }
}
