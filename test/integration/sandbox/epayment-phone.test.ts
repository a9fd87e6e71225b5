import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Harness } from './harness';

const json = (body: unknown) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('ePayment payments on the customer\'s phone', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startSandbox();
  });
  afterEach(() => h.close());

  it('lists a pushed payment with merchant, amount, description, order lines and test ids', async () => {
    const { reference } = await h.createPayment();
    const page = await h.raw('GET', '/phone/4791234567');
    expect(page.status).toBe(200);
    for (const id of [`payment-request-${reference}`, `approve-payment-${reference}`, `reject-payment-${reference}`, `order-lines-${reference}`, `order-line-${reference}-0`, `order-line-${reference}-1`]) {
      expect(page.text).toContain(`data-testid="${id}"`);
    }
    expect(page.text).toContain('Kassa Training Shop');
    expect(page.text).toContain('118\u00a0kr');
    expect(page.text).toContain('Kassa Training Shop, kvittering 1042');
    // name, quantity × unit price, line total
    expect(page.text).toMatch(/Kanelbolle<\/td><td class="qty">2 × 39\u00a0kr<\/td><td class="sum">78\u00a0kr<\/td>/);
    expect(page.text).toMatch(/Aftenposten<\/td><td class="qty">1 ×<\/td><td class="sum">40\u00a0kr<\/td>/);
    expect(page.text).toContain('VAT included: 10,17\u00a0kr');
    expect(page.text).not.toContain('receipt-warning-');
    const requests = await h.raw('GET', '/phone/4791234567/requests');
    expect(requests.body.pendingPayments).toEqual([reference]);
    expect(requests.body.pending).toEqual([]);
  });

  it('shows agreements and payments on one phone, pending oldest first', async () => {
    const { agreementId } = await h.draft();
    h.clock.now += 1000;
    const { reference } = await h.createPayment();
    const html = (await h.raw('GET', '/phone/4791234567/requests')).body.html as string;
    expect(html.indexOf(`request-${agreementId}`)).toBeGreaterThanOrEqual(0);
    expect(html.indexOf(`request-${agreementId}`)).toBeLessThan(html.indexOf(`payment-request-${reference}`));
  });

  it('approves through the phone\'s button endpoint, exactly like the customer in the app', async () => {
    const { reference } = await h.createPayment();
    const token = (await h.control('GET', `/payments/${reference}`)).body.targetUrl.split('/').pop();
    const approve = await h.raw('POST', `/phone/payments/${token}/approve`, json({ phoneNumber: '4791234567' }));
    expect(approve.body).toMatchObject({ reference, state: 'AUTHORIZED', outcome: 'approved' });
    expect((await h.epayment('GET', `/epayment/v1/payments/${reference}`)).body.state).toBe('AUTHORIZED');
    const after = (await h.raw('GET', '/phone/4791234567/requests')).body;
    expect(after.pendingPayments).toEqual([]);
    expect(after.html).toContain(`data-testid="payment-handled-${reference}"`);
    expect(after.html).toContain(`data-testid="payment-status-${reference}"`);
    expect(after.html).toContain('Approved — 118\u00a0kr reserved');
    expect(after.html).not.toContain(`approve-payment-${reference}`);
    expect((await h.raw('POST', `/phone/payments/${token}/approve`, json({}))).status).toBe(409);
    // The shop captures: the phone says so.
    await h.epayment('POST', `/epayment/v1/payments/${reference}/capture`, { body: { modificationAmount: { currency: 'NOK', value: 11800 } } });
    expect((await h.raw('GET', '/phone/4791234567/requests')).body.html).toContain('Paid 118\u00a0kr');
  });

  it('rejects through the phone → ABORTED', async () => {
    const { reference } = await h.createPayment();
    const token = (await h.control('GET', `/payments/${reference}`)).body.targetUrl.split('/').pop();
    expect((await h.raw('POST', `/phone/payments/${token}/reject`, json({}))).body).toMatchObject({ state: 'ABORTED', outcome: 'rejected' });
    expect((await h.raw('GET', '/phone/4791234567')).text).toContain('Rejected');
  });

  it('shows a declined card (test amount) on the pending card', async () => {
    const { reference } = await h.createPayment({ amount: { currency: 'NOK', value: 151 }, receipt: undefined });
    const token = (await h.control('GET', `/payments/${reference}`)).body.targetUrl.split('/').pop();
    const reply = await h.raw('POST', `/phone/payments/${token}/approve`, json({}));
    expect(reply.body).toMatchObject({ state: 'CREATED', outcome: 'declined', declined: 'Insufficient funds' });
    const html = (await h.raw('GET', '/phone/4791234567/requests')).body.html as string;
    expect(html).toContain(`data-testid="payment-declined-${reference}"`);
    expect(html).toContain(`data-testid="approve-payment-${reference}"`);
  });

  it('warns on the phone when the receipt does not add up', async () => {
    const { reference } = await h.createPayment({ amount: { currency: 'NOK', value: 12000 } });
    expect((await h.raw('GET', '/phone/4791234567')).text).toContain(`data-testid="receipt-warning-${reference}"`);
  });

  it('the QR target URL opens a "scanned" page: the customer picks a number and approves', async () => {
    const { reference, reply } = await h.createPayment({ userFlow: 'QR', customer: undefined, qrFormat: { format: 'TEXT/TARGETURL' } });
    const target = new URL(reply.body.redirectUrl);
    const page = await h.raw('GET', target.pathname);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`data-testid="payment-request-${reference}"`);
    expect(page.text).toContain('data-testid="payment-phone-number"');
    expect(page.text).toContain('value="4791234567"'); // default: a seeded Norwegian test customer
    expect(page.text).toContain('<option value="4798765432">'); // and the others to pick from
    expect(page.text).not.toMatch(/<script[^>]+src=|<link[^>]+stylesheet|<img/);
    // Nobody's phone shows an unscanned QR payment.
    expect((await h.raw('GET', '/phone/4791234567/requests')).body.pendingPayments).toEqual([]);

    const view = await h.raw('GET', `${target.pathname}/view`);
    expect(view.body.state).toBe('CREATED');
    const approve = await h.raw('POST', `${target.pathname}/approve`, json({ phoneNumber: '4798765432' }));
    expect(approve.body.state).toBe('AUTHORIZED');
    expect((await h.control('GET', `/payments/${reference}`)).body.customerPhone).toBe('4798765432');
    // Now it is on the payer's phone, as an answered payment.
    expect((await h.raw('GET', '/phone/4798765432')).text).toContain(`data-testid="payment-handled-${reference}"`);
    expect((await h.raw('GET', target.pathname)).text).not.toContain('data-testid="payment-phone-number"');
    expect((await h.raw('POST', `${target.pathname}/approve`, json({ phoneNumber: '+47 98' }))).status).toBe(400);
    expect((await h.raw('GET', '/phone/payments/unknown-token')).status).toBe(404);
  });

  it('the index has a "Scan a QR code" box that opens what a pasted QR address leads to', async () => {
    const index = await h.raw('GET', '/phone');
    expect(index.text).toContain('data-testid="scan-qr-input"');
    expect(index.text).toContain('data-testid="scan-qr"');

    const { reply } = await h.createPayment({ userFlow: 'QR', customer: undefined, qrFormat: { format: 'TEXT/TARGETURL' } });
    const target = new URL(reply.body.redirectUrl).pathname;
    const scan = (url: string) => fetch(`${h.sandbox.url}/phone/scan?url=${encodeURIComponent(url)}`, { redirect: 'manual' });
    const scanned = await scan(`  ${reply.body.redirectUrl} `);
    expect(scanned.status).toBe(302);
    expect(scanned.headers.get('location')).toBe(target);

    // The image link of an SVG QR payment works too.
    const svg = await h.createPayment({ userFlow: 'QR', customer: undefined });
    const fromImage = await scan(svg.reply.body.redirectUrl);
    expect(fromImage.headers.get('location')).toMatch(/^\/phone\/payments\/[A-Za-z0-9_-]+$/);
    expect((await h.raw('GET', fromImage.headers.get('location')!)).text).toContain(`payment-request-${svg.reference}`);

    // And an agreement's confirmation URL.
    const { reply: draft, agreementId } = await h.draft({ skipLandingPage: false, phoneNumber: null });
    expect((await scan(draft.body.vippsConfirmationUrl)).headers.get('location')).toBe(`/phone/agreements/${agreementId}`);

    expect((await scan('https://example.com/something')).status).toBe(400);
  });

  it('lists phones with payments on the index', async () => {
    await h.createPayment({ customer: { phoneNumber: '4790011223' } });
    const index = await h.raw('GET', '/phone');
    expect(index.text).toContain('data-testid="phone-link-4790011223"');
    expect(index.text).toContain('1 waiting');
  });

  it('drops the QR image once the payment has left CREATED', async () => {
    const { reference, reply } = await h.createPayment({ userFlow: 'QR', customer: undefined });
    expect((await fetch(reply.body.redirectUrl)).status).toBe(200);
    await h.epayment('POST', `/epayment/v1/payments/${reference}/cancel`);
    expect((await fetch(reply.body.redirectUrl)).status).toBe(404);
    expect((await fetch(`${h.sandbox.url}/qr-image/v1?token=nope`)).status).toBe(404);
  });

  it('escapes merchant-supplied texts', async () => {
    await h.createPayment({
      paymentDescription: '<b>bold</b>',
      amount: { currency: 'NOK', value: 3900 },
      receipt: { orderLines: [{ name: '<script>x</script>', id: 'x', totalAmount: 3900, totalAmountExcludingTax: 3391, totalTaxAmount: 509, taxRate: 1500 }], bottomLine: { currency: 'NOK' } },
    });
    const text = (await h.raw('GET', '/phone/4791234567')).text;
    expect(text).not.toContain('<script>x</script>');
    expect(text).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(text).toContain('&lt;b&gt;bold&lt;/b&gt;');
  });
});
