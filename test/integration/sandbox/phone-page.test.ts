import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Harness } from './harness';

describe('the customer\'s phone pages', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startSandbox();
  });
  afterEach(() => h.close());

  it('lists the pending request with product, price text, campaign, initial charge, scopes and test ids', async () => {
    const { agreementId } = await h.draft({
      productName: 'Lokalavisa Digital',
      pricing: { type: 'LEGACY', currency: 'NOK', amount: 24900 },
      campaign: { type: 'PERIOD_CAMPAIGN', price: 100, period: { unit: 'MONTH', count: 3 } },
      initialCharge: { amount: 100, description: 'Kampanje: 3 måneder for 1 kr', transactionType: 'DIRECT_CAPTURE' },
      scope: 'name email',
    });
    const page = await h.raw('GET', '/phone/4791234567');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.text).toContain(`data-testid="request-${agreementId}"`);
    expect(page.text).toContain(`data-testid="approve-${agreementId}"`);
    expect(page.text).toContain(`data-testid="reject-${agreementId}"`);
    expect(page.text).toContain('Lokalavisa Digital');
    expect(page.text).toContain('249\u00a0kr every month');
    expect(page.text).toContain('1\u00a0kr for 3 months, then 249\u00a0kr every month');
    expect(page.text).toContain('Kampanje: 3 måneder for 1 kr');
    expect(page.text).toContain('your name and email address');
    expect(page.text).toContain('Kari Nordmann');
    // Self-contained: no external scripts, styles or images.
    expect(page.text).not.toMatch(/<script[^>]+src=|<link[^>]+stylesheet|<img/);
    expect(page.text).toContain('name="viewport"');
  });

  it('escapes HTML in merchant-supplied texts', async () => {
    await h.draft({ productName: '<script>alert(1)</script>' });
    const page = await h.raw('GET', '/phone/4791234567');
    expect(page.text).not.toContain('<script>alert(1)</script>');
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('serves the JSON the page polls, with a version that changes only when the list does', async () => {
    const { agreementId } = await h.draft();
    const first = await h.raw('GET', '/phone/4791234567/requests');
    expect(first.body.pending).toEqual([agreementId]);
    expect(first.body.html).toContain(`request-${agreementId}`);
    h.clock.now += 1000;
    const same = await h.raw('GET', '/phone/4791234567/requests');
    expect(same.body.version).toBe(first.body.version);
    expect(same.body.serverNow).toBe(first.body.serverNow + 1000);
    await h.control('POST', `/agreements/${agreementId}/approve`, {});
    const after = await h.raw('GET', '/phone/4791234567/requests');
    expect(after.body.version).not.toBe(first.body.version);
    expect(after.body.pending).toEqual([]);
    expect(after.body.html).toContain(`handled-${agreementId}`);
    expect(after.body.html).not.toContain(`approve-${agreementId}`);
  });

  it('approves through the phone exactly like a customer in the app', async () => {
    const { agreementId, chargeId } = await h.draft({ initialCharge: { amount: 4900, description: 'Start', transactionType: 'RESERVE_CAPTURE' } });
    const approve = await h.raw('POST', `/phone/agreements/${agreementId}/approve`, { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phoneNumber: '4791234567' }) });
    expect(approve.status).toBe(200);
    expect(approve.body.status).toBe('ACTIVE');
    expect((await h.vipps('GET', `/recurring/v3/agreements/${agreementId}`)).body.status).toBe('ACTIVE');
    expect((await h.vipps('GET', `/recurring/v3/agreements/${agreementId}/charges/${chargeId}`)).body.status).toBe('RESERVED');
    const twice = await h.raw('POST', `/phone/agreements/${agreementId}/approve`, { body: '{}' });
    expect(twice.status).toBe(409);
  });

  it('rejects through the phone', async () => {
    const { agreementId } = await h.draft();
    const reject = await h.raw('POST', `/phone/agreements/${agreementId}/reject`, { body: '{}' });
    expect(reject.body).toMatchObject({ status: 'STOPPED', outcome: 'rejected' });
  });

  it('serves the confirmation page vippsConfirmationUrl points to, asking for a number when the draft had none', async () => {
    const { reply, agreementId } = await h.draft({ skipLandingPage: false, phoneNumber: null });
    const page = await fetch(reply.body.vippsConfirmationUrl);
    const text = await page.text();
    expect(page.status).toBe(200);
    expect(text).toContain(`data-testid="approve-${agreementId}"`);
    expect(text).toContain('id="phone-number"');
    const view = await h.raw('GET', `/phone/agreements/${agreementId}/view`);
    expect(view.body.status).toBe('PENDING');
    await h.raw('POST', `/phone/agreements/${agreementId}/approve`, { body: JSON.stringify({ phoneNumber: '4798765432' }) });
    const after = await h.control('GET', `/agreements/${agreementId}`);
    expect(after.body).toMatchObject({ status: 'ACTIVE', customerPhone: '4798765432' });
    expect((await h.raw('GET', '/phone/agreements/agr_missing')).status).toBe(404);
  });

  it('indexes the phones that have requests and opens any number', async () => {
    await h.draft();
    const index = await h.raw('GET', '/phone');
    expect(index.text).toContain('data-testid="phone-link-4791234567"');
    expect(index.text).toContain('1 waiting');
    const open = await fetch(`${h.sandbox.url}/phone?number=%2B47%20912%2034%20567`, { redirect: 'manual' });
    expect(open.status).toBe(302);
    expect(open.headers.get('location')).toBe('/phone/4791234567');
    expect((await h.raw('GET', '/phone?number=abc')).status).toBe(400);
  });

  it('warns when a number lacks a Vipps MobilePay country code', async () => {
    await h.draft({ phoneNumber: '91234567' });
    const page = await h.raw('GET', '/phone/91234567');
    expect(page.text).toContain('data-testid="phone-warning"');
    expect((await h.raw('GET', '/phone/4791234567')).text).not.toContain('data-testid="phone-warning"');
  });
});
