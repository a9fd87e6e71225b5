/**
 * A Danish or Finnish till in training mode starts with something to sell: its own shop's demo
 * plans and goods, in its own currency, with nothing refused — as a Norwegian till always did.
 * Real core, real SQLite, real sandbox.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { trainingConnection } from '../../../electron/host/training-connection';
import type { CoreConfig } from '../../../electron/core/core-config';
import type { TrainingCountry } from '../../../electron/sandbox/training-credentials';
import { CoreHarness } from '../../support/core-harness';

const shops = [
  { country: 'NO', currency: 'NOK', locale: 'nb-NO' },
  { country: 'DK', currency: 'DKK', locale: 'da-DK' },
  { country: 'FI', currency: 'EUR', locale: 'fi-FI' },
] as const;

/** The harness's till, moved to `country`: its currency, locale and that country's training keys. */
function shopIn(shop: (typeof shops)[number]) {
  return (config: CoreConfig): CoreConfig => ({
    ...config,
    shop: { ...config.shop, country: shop.country, currency: shop.currency, locale: shop.locale },
    ...trainingConnection({ url: config.billing.baseUrl, phonePageUrl: config.phonePageUrl! }, shop.country as TrainingCountry),
  });
}

describe('each training shop\'s catalogue', () => {
  let h: CoreHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it.each(shops)('a till in $country sells its own plans and goods in $currency, and refuses none', async (shop) => {
    h = await CoreHarness.start({ configure: shopIn(shop) });
    const plans = await h.value('catalogue.plans', { refresh: true });
    expect(plans.rejected).toEqual([]);
    expect(plans.plans.length).toBeGreaterThanOrEqual(6);
    expect(new Set(plans.plans.map((plan) => plan.currency))).toEqual(new Set([shop.currency]));

    const products = await h.value('products.list', { refresh: true });
    expect(products.rejected).toEqual([]);
    expect(products.products.length).toBeGreaterThanOrEqual(6);
    expect(new Set(products.products.map((product) => product.currency))).toEqual(new Set([shop.currency]));
  });
});
