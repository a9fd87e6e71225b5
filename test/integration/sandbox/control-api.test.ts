import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, START, type Harness } from './harness';
import { parsePort } from '../../../electron/sandbox/cli-args';

describe('control API', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startSandbox();
  });
  afterEach(() => h.close());

  it('reads and advances the clock on top of the injected time', async () => {
    expect((await h.control('GET', '/clock')).body).toEqual({ now: START, iso: new Date(START).toISOString(), offsetMs: 0 });
    h.clock.now += 500;
    const advanced = await h.control('POST', '/clock/advance', { ms: 1000 });
    expect(advanced.body).toMatchObject({ now: START + 1500, offsetMs: 1000 });
    expect((await h.control('POST', '/clock/advance', { ms: -1 })).status).toBe(400);
  });

  it('lists agreements of every status with their charges, filterable', async () => {
    const a = await h.draft({ initialCharge: { amount: 100, description: 'Start', transactionType: 'DIRECT_CAPTURE' } });
    const b = await h.draft({ phoneNumber: '4798765432' });
    await h.control('POST', `/agreements/${a.agreementId}/approve`, {});
    const all = (await h.control('GET', '/agreements')).body.agreements;
    expect(all.map((x: { id: string }) => x.id).sort()).toEqual([a.agreementId, b.agreementId].sort());
    const active = (await h.control('GET', '/agreements?status=ACTIVE')).body.agreements;
    expect(active).toHaveLength(1);
    expect(active[0]).toMatchObject({ id: a.agreementId, msn: '123456', phoneNumber: '4791234567', outcome: 'approved' });
    expect(active[0].charges[0]).toMatchObject({ id: a.chargeId, status: 'CHARGED' });
    const byPhone = (await h.control('GET', '/agreements?phone=4798765432')).body.agreements;
    expect(byPhone.map((x: { id: string }) => x.id)).toEqual([b.agreementId]);
    expect((await h.control('GET', '/agreements/agr_none')).status).toBe(404);
    expect((await h.control('POST', '/agreements/agr_none/approve', {})).status).toBe(404);
  });

  it('toggles skipLandingPageAllowed per merchant', async () => {
    const patched = await h.control('PATCH', '/merchants/123456', { skipLandingPageAllowed: false });
    expect(patched.body).toMatchObject({ msn: '123456', skipLandingPageAllowed: false });
    expect((await h.control('GET', '/merchants')).body.merchants[0]).not.toHaveProperty('clientSecret');
    expect((await h.control('PATCH', '/merchants/000000', { skipLandingPageAllowed: true })).status).toBe(404);
    expect((await h.control('PATCH', '/merchants/123456', { skipLandingPageAllowed: 'yes' })).status).toBe(400);
  });

  it('resets state, clock, faults, merchants and the catalogue', async () => {
    await h.draft();
    await h.control('POST', '/clock/advance', { ms: 5000 });
    await h.control('POST', '/faults', { kind: 'drop', pathPrefix: '/billing/' });
    await h.control('PATCH', '/merchants/123456', { skipLandingPageAllowed: false });
    await h.control('PUT', '/billing/plans', { plans: [] });
    await h.control('POST', '/initial-charge/fail-next', { count: 2 });
    expect(h.sandbox.exchanges.length).toBeGreaterThan(0);

    const reset = await h.control('POST', '/reset');
    expect(reset.body).toMatchObject({ ok: true, now: START, offsetMs: 0 });
    expect((await h.control('GET', '/agreements')).body.agreements).toEqual([]);
    expect((await h.control('GET', '/faults')).body.faults).toEqual([]);
    expect((await h.control('GET', '/merchants')).body.merchants[0].skipLandingPageAllowed).toBe(true);
    expect(h.sandbox.exchanges).toEqual([]);
    const plans = await h.raw('GET', '/billing/v1/plans', { headers: { Authorization: 'Bearer training-billing-key' } });
    expect(plans.body.plans.length).toBeGreaterThan(0);
    // The failure queue is gone too: an initial charge succeeds.
    const d = await h.draft({ initialCharge: { amount: 100, description: 'Start', transactionType: 'DIRECT_CAPTURE' } });
    expect((await h.control('POST', `/agreements/${d.agreementId}/approve`, {})).body.status).toBe('ACTIVE');
  });

  it('records API exchanges but not the control API or phone pages, and serves them', async () => {
    await h.draft();
    await h.raw('GET', '/phone');
    const paths = h.sandbox.exchanges.map((x) => `${x.method} ${x.path}`);
    expect(paths).toEqual(['POST /accesstoken/get', 'POST /recurring/v3/agreements']);
    const draft = h.sandbox.exchanges[1]!;
    expect(draft.status).toBe(201);
    expect(draft.requestBody).toMatchObject({ productName: 'Kaffeklubben' });
    expect(draft.responseBody).toMatchObject({ agreementId: expect.stringMatching(/^agr_/) });
    expect(draft.requestHeaders['idempotency-key']).toBeTruthy();
    const served = await h.control('GET', '/exchanges?pathPrefix=/recurring/');
    expect(served.body.exchanges).toHaveLength(1);
  });

  it('does not record when recording is off', async () => {
    const quiet = await startSandbox({ recordExchanges: false });
    try {
      await quiet.draft();
      expect(quiet.sandbox.exchanges).toEqual([]);
    } finally {
      await quiet.close();
    }
  });

  it('lists its endpoints', async () => {
    const index = await h.control('GET', '');
    expect(index.body.endpoints).toContain('POST /_control/clock/advance {ms}');
  });
});

describe('sandbox server', () => {
  it('listens on 127.0.0.1 and exposes its URLs', async () => {
    const h = await startSandbox();
    try {
      expect(h.sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(h.sandbox.phonePageUrl).toBe(`${h.sandbox.url}/phone`);
      expect(h.sandbox.controlUrl).toBe(`${h.sandbox.url}/_control`);
      expect((await h.raw('GET', '/recurring/v3/nothing')).status).toBe(404);
      expect((await h.raw('PUT', '/accesstoken/get')).status).toBe(405);
    } finally {
      await h.close();
    }
    await expect(fetch(h.sandbox.url)).rejects.toThrow();
  });

  it('parses --port for the CLI', () => {
    expect(parsePort([])).toBe(4700);
    expect(parsePort(['--port', '5000'])).toBe(5000);
    expect(parsePort(['--port=0'])).toBe(0);
    expect(() => parsePort(['--port', 'abc'])).toThrow();
    expect(() => parsePort(['--port'])).toThrow();
  });
});
