import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Harness } from './harness';
import { planSchema } from '../../../shared/catalogue';
import { trainingCredentials } from '../../../electron/sandbox/training-credentials';
import { isValidEan13 } from '../../../electron/sandbox/billing/products';

const auth = { Authorization: `Bearer ${trainingCredentials.billingApiKey}` };

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

  it('serves a demo catalogue that satisfies the till\'s plan schema and covers every plan kind', async () => {
    const reply = await h.raw('GET', '/billing/v1/plans', { headers: auth });
    expect(reply.status).toBe(200);
    const plans = reply.body.plans as any[];
    expect(plans.length).toBeGreaterThanOrEqual(6);
    for (const plan of plans) {
      const parsed = planSchema.safeParse(plan);
      expect(parsed.success, `${plan.id}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
    expect(new Set(plans.map((p) => p.id)).size).toBe(plans.length);
    expect(plans.some((p) => p.pricing.type === 'LEGACY' && p.interval.unit === 'MONTH' && !p.initialCharge && !p.campaign)).toBe(true);
    expect(plans.some((p) => p.initialCharge?.transactionType === 'RESERVE_CAPTURE')).toBe(true);
    expect(plans.some((p) => p.initialCharge?.transactionType === 'DIRECT_CAPTURE')).toBe(true);
    expect(plans.some((p) => p.campaign)).toBe(true);
    expect(plans.some((p) => p.pricing.type === 'VARIABLE')).toBe(true);
    for (const plan of plans) expect(Number.isInteger(plan.pricing.amount ?? plan.pricing.suggestedMaxAmount)).toBe(true);
  });

  it('dates its campaigns in the future of the sandbox clock', async () => {
    const plans = (await h.raw('GET', '/billing/v1/plans', { headers: auth })).body.plans as any[];
    for (const plan of plans) {
      const date = plan.campaign?.end ?? plan.campaign?.eventDate;
      if (date) expect(Date.parse(date)).toBeGreaterThan(h.clock.now);
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
