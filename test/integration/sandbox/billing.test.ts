import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Harness } from './harness';
import { planSchema } from '../../../shared/catalogue';
import { trainingBillingKeys, trainingCredentials, type TrainingCountry } from '../../../electron/sandbox/training-credentials';
import { productSchema } from '../../../shared/product';
import { isValidEan13 } from '../../../electron/sandbox/billing/products';

const auth = { Authorization: `Bearer ${trainingCredentials.billingApiKey}` };
const keyOf = (country: TrainingCountry) => ({ Authorization: `Bearer ${trainingBillingKeys[country]}` });
const SHOPS = [
  { country: 'NO' as const, currency: 'NOK' },
  { country: 'DK' as const, currency: 'DKK' },
  { country: 'FI' as const, currency: 'EUR' },
];

describe('GET /billing/v1/plans', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startSandbox();
  });
  afterEach(() => h.close());

  it('requires the billing API key (401 problem otherwise)', async () => {
    const none = await h.raw('GET', '/billing/v1/plans');
    expect(none.status).toBe(401);
    expect(none.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(none.body).toMatchObject({ status: 401, title: 'Unauthorized' });
    expect((await h.raw('GET', '/billing/v1/plans', { headers: { Authorization: 'Bearer wrong' } })).status).toBe(401);
  });

  // Each training shop's till calls with its own key and is served plans in its own currency.
  it.each(SHOPS)('serves the $country shop a demo catalogue in $currency that satisfies the till\'s plan schema and covers every plan kind', async ({ country, currency }) => {
    const reply = await h.raw('GET', '/billing/v1/plans', { headers: keyOf(country) });
    expect(reply.status).toBe(200);
    const plans = reply.body.plans as any[];
    expect(plans.length).toBeGreaterThanOrEqual(6);
    for (const plan of plans) {
      const parsed = planSchema.safeParse(plan);
      expect(parsed.success, `${plan.id}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      expect(plan.currency, plan.id).toBe(currency);
    }
    expect(new Set(plans.map((p) => p.id)).size).toBe(plans.length);
    expect(plans.some((p) => p.pricing.type === 'LEGACY' && p.interval.unit === 'MONTH' && !p.initialCharge && !p.campaign)).toBe(true);
    expect(plans.some((p) => p.initialCharge?.transactionType === 'RESERVE_CAPTURE')).toBe(true);
    expect(plans.some((p) => p.initialCharge?.transactionType === 'DIRECT_CAPTURE')).toBe(true);
    for (const kind of ['PRICE_CAMPAIGN', 'PERIOD_CAMPAIGN', 'EVENT_CAMPAIGN']) expect(plans.some((p) => p.campaign?.type === kind), kind).toBe(true);
    expect(plans.some((p) => p.pricing.type === 'VARIABLE')).toBe(true);
    for (const plan of plans) expect(Number.isInteger(plan.pricing.amount ?? plan.pricing.suggestedMaxAmount)).toBe(true);
  });

  it('keeps the Norwegian catalogue\'s plans as they were, at their prices (other tests sell them)', async () => {
    const plans = (await h.raw('GET', '/billing/v1/plans', { headers: auth })).body.plans as any[];
    expect(plans.map((p) => [p.id, p.pricing.amount ?? p.pricing.suggestedMaxAmount])).toEqual(expect.arrayContaining([
      ['kaffeklubben-mnd', 19900],
      ['blomster-med-vase', 34900],
      ['treningssenter-basis', 44900],
      ['lokalavisa-digital', 24900],
      ['vinylklubben-kampanje', 29900],
      ['julekaffe', 8900],
      ['brodabonnement-forbruk', 150000],
      ['sykkelservice-aar', 99000],
    ]));
  });

  it('serves a key it does not know a shop for (added through the control API) the Norwegian catalogue', async () => {
    await h.control('PUT', '/billing/keys/till-2-key', {});
    const plans = (await h.raw('GET', '/billing/v1/plans', { headers: { Authorization: 'Bearer till-2-key' } })).body.plans as any[];
    expect(plans.every((p) => p.currency === 'NOK')).toBe(true);
  });

  it('dates every shop\'s campaigns in the future of the sandbox clock', async () => {
    for (const { country } of SHOPS) {
      const plans = (await h.raw('GET', '/billing/v1/plans', { headers: keyOf(country) })).body.plans as any[];
      for (const plan of plans) {
        const date = plan.campaign?.end ?? plan.campaign?.eventDate;
        if (date) expect(Date.parse(date), `${country} ${plan.id}`).toBeGreaterThan(h.clock.now);
      }
    }
  });

  it('serves a catalogue put through the control API to every shop, and each its own again after DELETE', async () => {
    const put = [{ id: 'anything', name: 'Anything', currency: 'SEK', pricing: { type: 'LEGACY', amount: 100 } }];
    await h.control('PUT', '/billing/plans', { plans: put });
    for (const { country } of SHOPS) expect((await h.raw('GET', '/billing/v1/plans', { headers: keyOf(country) })).body, country).toEqual({ plans: put });
    await h.control('DELETE', '/billing/plans');
    for (const { country, currency } of SHOPS) {
      const plans = (await h.raw('GET', '/billing/v1/plans', { headers: keyOf(country) })).body.plans as any[];
      expect(new Set(plans.map((p) => p.currency)), country).toEqual(new Set([currency]));
    }
  });

  it('answers 304 for a matching If-None-Match and 200 with a new ETag after the catalogue changes', async () => {
    const first = await h.raw('GET', '/billing/v1/plans', { headers: auth });
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[^"]+"$/);
    const notModified = await h.raw('GET', '/billing/v1/plans', { headers: { ...auth, 'If-None-Match': etag } });
    expect(notModified.status).toBe(304);
    expect(notModified.text).toBe('');
    expect(notModified.headers.get('etag')).toBe(etag);
    expect((await h.raw('GET', '/billing/v1/plans', { headers: { ...auth, 'If-None-Match': `"other", W/${etag}` } })).status).toBe(304);
    expect((await h.raw('GET', '/billing/v1/plans', { headers: { ...auth, 'If-None-Match': '"other"' } })).status).toBe(200);

    const broken = [{ id: 'broken', name: 'x'.repeat(60), currency: 'NOK', pricing: { type: 'LEGACY', amount: -5 } }];
    expect((await h.control('PUT', '/billing/plans', { plans: broken })).status).toBe(200);
    const changed = await h.raw('GET', '/billing/v1/plans', { headers: { ...auth, 'If-None-Match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ plans: broken });
    expect(changed.headers.get('etag')).not.toBe(etag);

    await h.control('DELETE', '/billing/plans');
    const restored = await h.raw('GET', '/billing/v1/plans', { headers: { ...auth, 'If-None-Match': etag } });
    expect(restored.status).toBe(304);
  });
});

describe('GET /billing/v1/products', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startSandbox();
  });
  afterEach(() => h.close());

  it('requires the billing API key', async () => {
    expect((await h.raw('GET', '/billing/v1/products')).status).toBe(401);
    expect((await h.raw('GET', '/billing/v1/products', { headers: { Authorization: 'Bearer wrong' } })).status).toBe(401);
  });

  it('serves a Norwegian demo range: VAT-inclusive øre, VAT in basis points, valid EAN-13 barcodes', async () => {
    const reply = await h.raw('GET', '/billing/v1/products', { headers: auth });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
    const products = reply.body.products as any[];
    expect(products.length).toBeGreaterThanOrEqual(6);
    expect(new Set(products.map((p) => p.id)).size).toBe(products.length);
    for (const product of products) {
      expect(Object.keys(product).filter((key) => key !== 'barcode').sort()).toEqual(['currency', 'id', 'name', 'unitPrice', 'vatRate']);
      expect(product.id).toMatch(/^[a-z0-9-]{1,64}$/);
      expect(product.name.length).toBeGreaterThan(0);
      expect(Number.isInteger(product.unitPrice) && product.unitPrice > 0).toBe(true);
      expect(product.currency).toBe('NOK');
      expect([0, 1500, 2500]).toContain(product.vatRate);
      if (product.barcode !== undefined) expect(isValidEan13(product.barcode), product.barcode).toBe(true);
    }
    const rates = new Set(products.map((p) => p.vatRate));
    expect(rates).toEqual(new Set([0, 1500, 2500]));
    expect(products.some((p) => p.barcode === undefined)).toBe(true);
    expect(products.find((p) => p.id === 'kanelbolle')).toEqual({ id: 'kanelbolle', name: 'Kanelbolle', unitPrice: 3900, currency: 'NOK', vatRate: 1500 });
  });

  // Denmark has one VAT rate (25 %) with newspapers zero-rated; Finland 25.5 % general, 13.5 %
  // food and take-away (since 2026), 10 % newspapers (demo-denmark.ts, demo-finland.ts).
  it.each([
    { country: 'DK' as const, currency: 'DKK', rates: [0, 2500], gs1Prefix: '579' },
    { country: 'FI' as const, currency: 'EUR', rates: [1000, 1350, 2550], gs1Prefix: '642' },
  ])('serves the $country shop its own range in $currency: its VAT rates, valid EAN-13 barcodes under its GS1 prefix', async ({ country, currency, rates, gs1Prefix }) => {
    const products = (await h.raw('GET', '/billing/v1/products', { headers: keyOf(country) })).body.products as any[];
    expect(products.length).toBeGreaterThanOrEqual(6);
    for (const product of products) {
      expect(productSchema.safeParse(product).success, product.id).toBe(true);
      expect(product.currency).toBe(currency);
      if (product.barcode !== undefined) {
        expect(isValidEan13(product.barcode), product.barcode).toBe(true);
        expect(product.barcode.startsWith(gs1Prefix), product.barcode).toBe(true);
      }
    }
    expect(new Set(products.map((p) => p.id)).size).toBe(products.length);
    const barcodes = products.flatMap((p) => (p.barcode ? [p.barcode] : []));
    expect(new Set(barcodes).size).toBe(barcodes.length);
    expect(new Set(products.map((p) => p.vatRate))).toEqual(new Set(rates));
    // Something dear enough that the price shows its thousands separator.
    expect(products.some((p) => p.unitPrice >= 100_000)).toBe(true);
  });

  it('checks EAN-13 check digits (the validator is not a no-op)', () => {
    expect(isValidEan13('7038010000126')).toBe(true);
    expect(isValidEan13('7038010000127')).toBe(false);
    expect(isValidEan13('9770804311008')).toBe(true);
    expect(isValidEan13('703801000012')).toBe(false);
  });

  it('answers 304 for a matching If-None-Match, and serves broken entries put through the control API', async () => {
    const first = await h.raw('GET', '/billing/v1/products', { headers: auth });
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const notModified = await h.raw('GET', '/billing/v1/products', { headers: { ...auth, 'If-None-Match': etag } });
    expect(notModified.status).toBe(304);
    expect(notModified.text).toBe('');
    // The plans have their own tag.
    expect((await h.raw('GET', '/billing/v1/plans', { headers: auth })).headers.get('etag')).not.toBe(etag);

    const broken = [{ id: 'broken', name: '', unitPrice: 12.5, currency: 'SEK', vatRate: 2500, barcode: '123' }];
    expect((await h.control('PUT', '/billing/products', { products: broken })).status).toBe(200);
    expect((await h.control('PUT', '/billing/products', { nope: 1 })).status).toBe(400);
    const changed = await h.raw('GET', '/billing/v1/products', { headers: { ...auth, 'If-None-Match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ products: broken });
    // Replacing products leaves the plans alone, and the other way round.
    expect((await h.raw('GET', '/billing/v1/plans', { headers: auth })).body.plans.length).toBeGreaterThan(0);
    await h.control('PUT', '/billing/plans', { plans: [] });
    await h.control('DELETE', '/billing/plans');
    expect((await h.raw('GET', '/billing/v1/products', { headers: auth })).body).toEqual({ products: broken });

    await h.control('DELETE', '/billing/products');
    expect((await h.raw('GET', '/billing/v1/products', { headers: { ...auth, 'If-None-Match': etag } })).status).toBe(304);
  });
});
