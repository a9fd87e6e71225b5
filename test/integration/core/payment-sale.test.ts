import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Sale } from '../../../shared/sale';
import { CoreHarness } from '../../support/core-harness';

let h: CoreHarness;

const products = [
  { id: 'beans', name: 'Kaffebønner 250 g', unitPrice: 14900, currency: 'NOK', vatRate: 1500, barcode: '7038010000010' },
  { id: 'mug', name: 'Krus', unitPrice: 19900, currency: 'NOK', vatRate: 2500, barcode: '7038010000027' },
  { id: 'piano', name: 'Flygel', unitPrice: 10_000_000, currency: 'NOK', vatRate: 2500 },
];

beforeEach(async () => {
  h = await CoreHarness.start();
  await h.control('PUT', '/billing/products', { products });
});
afterEach(async () => {
  await h.close();
});

const phone = { country: 'NO' as const, number: '912 34 567' };

async function fillCart() {
  await h.value('cart.add', { productId: 'beans', quantity: 2 });
  return h.value('cart.add', { barcode: '7038010000027' });
}

function paymentExchanges(method: string, suffix = '') {
  return h.sandbox.exchanges.filter((e) => e.method === method && e.path.startsWith('/epayment/v1/payments') && e.path.endsWith(suffix));
}

async function pay(method: 'push' | 'qr'): Promise<Sale> {
  await fillCart();
  const sale = await h.value('payment.start', method === 'push' ? { method, phone } : { method });
  expect(sale.status).toBe('waiting');
  return sale;
}

const waitForSale = (id: string, status: Sale['status']) =>
  new Promise<Sale>((resolve) => {
    const check = async () => {
      const sale = await h.value('sale.get', { saleId: id });
      if (sale.status === status) resolve(sale);
    };
    const off = h.core.events.on('sale.changed', (sale) => {
      if (sale.id === id && sale.status === status) {
        off();
        resolve(sale);
      }
    });
    void check();
  });

describe('the cart', () => {
  it('adds by id and by barcode, with VAT per rate', async () => {
    const cart = await fillCart();
    expect(cart.lines.map((l) => [l.productId, l.quantity])).toEqual([['beans', 2], ['mug', 1]]);
    expect(cart.totals).toMatchObject({ total: 2 * 14900 + 19900, byRate: [{ rate: 2500, vat: 3980 }, { rate: 1500, vat: 3887 }] });
    expect((await h.value('cart.setQuantity', { productId: 'beans', quantity: 0 })).lines).toHaveLength(1);
  });

  it('says which barcode it does not know', async () => {
    const result = await h.invoke('cart.add', { barcode: '0000000000000' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', fields: { barcode: expect.stringContaining('0000000000000') } } });
  });
});

describe('paying by push', () => {
  it('creates the payment with the receipt, captures the full amount at once, and empties the cart', async () => {
    const sale = await pay('push');
    const [create] = paymentExchanges('POST');
    expect(create!.requestBody).toMatchObject({
      userFlow: 'PUSH_MESSAGE',
      customer: { phoneNumber: '4791234567' },
      customerInteraction: 'CUSTOMER_PRESENT',
      amount: { currency: 'NOK', value: 49700 },
      reference: sale.reference,
      receipt: { bottomLine: { posId: 'till-test', receiptNumber: sale.receiptNumber } },
    });
    expect(create!.responseBody).not.toHaveProperty('redirectUrl');
    expect(sale.reference).toMatch(/^[a-zA-Z0-9-]{8,64}$/);
    expect((await h.value('display.get', {})).phase).toBe('waiting-push');
    expect(await h.invoke('cart.add', { productId: 'mug' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    await h.control('POST', `/payments/${sale.reference}/approve`, {});
    await h.advance(5_000);
    const done = await waitForSale(sale.id, 'completed');
    expect(done.amounts).toEqual({ authorized: 49700, captured: 49700, refunded: 0, cancelled: 0 });
    const captures = paymentExchanges('POST', '/capture');
    expect(captures).toHaveLength(1);
    expect(captures[0]!.requestBody).toEqual({ modificationAmount: { currency: 'NOK', value: 49700 } });
    expect((await h.value('cart.get', {})).lines).toEqual([]);
    expect(await h.value('display.get', {})).toMatchObject({ phase: 'paid', totals: { total: 49700 } });
  });

  it('offers the QR when the sales unit may not push (5080)', async () => {
    await h.control('PATCH', '/merchants/123456', { pushMessageAllowed: false });
    await fillCart();
    const push = await h.invoke('payment.start', { method: 'push', phone });
    expect(push).toMatchObject({ ok: false, error: { code: 'PUSH_NOT_ALLOWED' } });
    const qr = await h.value('payment.start', { method: 'qr' });
    expect(qr.status).toBe('waiting');
  });

  it('shows a rejection as aborted and keeps the cart for another try', async () => {
    const sale = await pay('push');
    await h.control('POST', `/payments/${sale.reference}/reject`, {});
    await h.advance(5_000);
    await waitForSale(sale.id, 'aborted');
    expect((await h.value('cart.get', {})).lines).toHaveLength(2);
    expect((await h.value('display.get', {})).phase).toBe('cart');
  });

  it('expires after ten minutes, never cancelled by Kassa before', async () => {
    const sale = await pay('push');
    for (let i = 0; i < 20; i++) await h.advance(29_000);
    expect(paymentExchanges('POST', '/cancel')).toHaveLength(0);
    await h.advance(30_000);
    await waitForSale(sale.id, 'expired');
  });
});

describe('paying by QR', () => {
  it('shows the target URL as the QR and on the customer display', async () => {
    const sale = await pay('qr');
    expect(sale.qrUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(await h.value('display.get', {})).toMatchObject({ phase: 'waiting-qr', qrUrl: sale.qrUrl });
    await h.control('POST', `/payments/${sale.reference}/approve`, {});
    await h.advance(5_000);
    await waitForSale(sale.id, 'completed');
  });
});

describe('cancelling', () => {
  it('before approval ends the payment as terminated', async () => {
    const sale = await pay('push');
    const cancelled = await h.value('sale.cancel', { saleId: sale.id });
    expect(cancelled.status).toBe('terminated');
    expect(cancelled.amounts.cancelled).toBe(49700);
  });

  it('after approval and before capture releases the reservation', async () => {
    const sale = await pay('push');
    await h.control('POST', `/payments/${sale.reference}/approve`, {});
    await h.control('POST', '/faults', { kind: 'status', status: 503, method: 'POST', pathPrefix: `/epayment/v1/payments/${sale.reference}/capture`, count: 50 });
    await h.advance(5_000);
    const pending = await h.value('sale.get', { saleId: sale.id });
    expect(pending.status).toBe('capturing');
    expect(pending.problem?.message).toMatch(/not confirmed the capture yet/);
    const released = await h.value('sale.cancel', { saleId: sale.id });
    expect(released.status).toBe('released');
    expect(released.amounts).toMatchObject({ authorized: 49700, captured: 0, cancelled: 49700 });
  });
});

describe('capture that fails for a while', () => {
  it('is retried in the background and captures exactly once', async () => {
    const sale = await pay('push');
    await h.control('POST', `/payments/${sale.reference}/approve`, {});
    await h.control('POST', '/faults', { kind: 'process-then-drop', method: 'POST', pathPrefix: `/epayment/v1/payments/${sale.reference}/capture`, count: 1 });
    await h.advance(5_000);
    expect((await h.value('sale.get', { saleId: sale.id })).status).toBe('capturing');
    await h.crashAndRestart();
    await h.advance(0);
    const done = await waitForSale(sale.id, 'completed');
    expect(done.amounts.captured).toBe(49700);
    const control = await h.control('GET', `/payments/${sale.reference}`);
    expect(JSON.stringify(control)).toContain('"capturedAmount":{"currency":"NOK","value":49700}');
  });
});

describe('refunds', () => {
  it('allows partial refunds up to the captured amount, and refuses more', async () => {
    const sale = await pay('push');
    await h.control('POST', `/payments/${sale.reference}/approve`, {});
    await h.advance(5_000);
    await waitForSale(sale.id, 'completed');
    const first = await h.value('sale.refund', { saleId: sale.id, amount: 20000 });
    expect(first.amounts.refunded).toBe(20000);
    const second = await h.value('sale.refund', { saleId: sale.id, amount: 20000 });
    expect(second.amounts.refunded).toBe(40000);
    expect(second.refunds.map((r) => r.status)).toEqual(['refunded', 'refunded']);
    const third = await h.invoke('sale.refund', { saleId: sale.id, amount: 10000 });
    expect(third).toMatchObject({ ok: false, error: { code: 'PAYMENT_REFUSED', message: expect.stringContaining('97.00 NOK') } });
    expect(paymentExchanges('POST', '/refund')).toHaveLength(2);
    expect(new Set(paymentExchanges('POST', '/refund').map((e) => e.requestHeaders['idempotency-key'])).size).toBe(2);
  });

  it('retries a refund whose answer was lost, and refunds once', async () => {
    const sale = await pay('push');
    await h.control('POST', `/payments/${sale.reference}/approve`, {});
    await h.advance(5_000);
    await waitForSale(sale.id, 'completed');
    await h.control('POST', '/faults', { kind: 'process-then-drop', method: 'POST', pathPrefix: `/epayment/v1/payments/${sale.reference}/refund`, count: 1 });
    const pending = await h.value('sale.refund', { saleId: sale.id, amount: 10000 });
    expect(pending.refunds[0]!.status).toBe('pending');
    await h.advance(5_000);
    const after = await h.value('sale.get', { saleId: sale.id });
    expect(after.refunds[0]!.status).toBe('refunded');
    expect(after.amounts.refunded).toBe(10000);
  });
});

describe('cash', () => {
  it('records the sale with change and empties the cart', async () => {
    await fillCart();
    const sale = await h.value('payment.cash', { tendered: 50000 });
    expect(sale).toMatchObject({ status: 'completed', tender: 'cash', cash: { tendered: 50000, change: 300 } });
    expect(await h.value('display.get', {})).toMatchObject({ phase: 'paid', change: 300 });
    expect((await h.value('sales.list', {})).map((s) => s.id)).toEqual([sale.id]);
  });

  it('refuses less than the total', async () => {
    await fillCart();
    expect(await h.invoke('payment.cash', { tendered: 100 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('bad input and one customer at a time', () => {
  it('refuses an empty cart, a bad phone and an amount above the API maximum, sending nothing', async () => {
    expect(await h.invoke('payment.start', { method: 'qr' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/empty/) } });
    await fillCart();
    expect(await h.invoke('payment.start', { method: 'push', phone: { country: 'NO', number: '123' } })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { phone: expect.any(String) } },
    });
    await h.value('cart.add', { productId: 'piano', quantity: 7 });
    expect(await h.invoke('payment.start', { method: 'qr' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/more than Vipps MobilePay accepts/) } });
    expect(await h.invoke('cart.add', { productId: 'mug', quantity: 0 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(paymentExchanges('POST')).toHaveLength(0);
  });

  it('allows one waiting payment per till', async () => {
    await pay('push');
    expect(await h.invoke('payment.start', { method: 'qr' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('replays a create whose answer was lost, and resumes a waiting payment after a crash', async () => {
    await h.control('POST', '/faults', { kind: 'process-then-drop', method: 'POST', pathPrefix: '/epayment/v1/payments', count: 1 });
    await fillCart();
    const sale = await h.value('payment.start', { method: 'push', phone });
    expect(sale.status).toBe('requested');
    await h.crashAndRestart();
    await h.advance(0);
    await waitForSale(sale.id, 'waiting');
    expect(new Set(paymentExchanges('POST').map((e) => e.requestHeaders['idempotency-key'])).size).toBe(1);
    await h.control('POST', `/payments/${sale.reference}/approve`, {});
    await h.advance(5_000);
    await waitForSale(sale.id, 'completed');
    expect((await h.control('GET', '/payments')).payments).toHaveLength(1);
  });
});
