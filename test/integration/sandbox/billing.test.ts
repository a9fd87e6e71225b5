import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Harness } from './harness';
import { planSchema } from '../../../shared/catalogue';
import { trainingCredentials } from '../../../electron/sandbox/training-credentials';

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
