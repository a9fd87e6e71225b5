/**
 * The contract test for one-off sales: every ePayment request Kassa's core sends while selling
 * goods, and every response the sandbox gives, validates against the official epayment-v1.yaml
 * (see vipps-contract.test.ts for the validator and its errata).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Sale } from '../../../shared/sale';
import { CoreHarness } from '../../support/core-harness';
import { describeWithVippsSpecs } from '../../support/openapi/vipps-suites';
import { createContractValidator, formatSummary, summarise, type ContractSummary } from '../../support/openapi/validate-exchange';

const phone = { country: 'NO' as const, number: '912 34 567' };
const products = [
  { id: 'beans', name: 'Kaffebønner 250 g', unitPrice: 14900, currency: 'NOK', vatRate: 1500 },
  { id: 'mug', name: 'Krus', unitPrice: 19900, currency: 'NOK', vatRate: 2500 },
];

describeWithVippsSpecs('Kassa ↔ sandbox ePayment traffic against the official OpenAPI file', () => {
  let h: CoreHarness;
  let summary: ContractSummary;
  const outcomes: Record<string, Sale> = {};

  async function startPayment(method: 'push' | 'qr'): Promise<Sale> {
    await h.value('cart.add', { productId: 'beans', quantity: 2 });
    await h.value('cart.add', { productId: 'mug' });
    return h.value('payment.start', method === 'push' ? { method, phone } : { method });
  }

  async function settle(sale: Sale): Promise<Sale> {
    await h.advance(5_000);
    return h.value('sale.get', { saleId: sale.id });
  }

  beforeAll(async () => {
    h = await CoreHarness.start();
    await h.control('PUT', '/billing/products', { products });

    const paid = await startPayment('push');
    await h.control('POST', `/payments/${paid.reference}/approve`, {});
    outcomes.push = await settle(paid);
    await h.value('sale.refund', { saleId: paid.id, amount: 10000 });
    outcomes.refunded = await h.value('sale.refund', { saleId: paid.id, amount: 5000 });

    const qr = await startPayment('qr');
    await h.control('POST', `/payments/${qr.reference}/approve`, {});
    outcomes.qr = await settle(qr);

    const rejected = await startPayment('push');
    await h.control('POST', `/payments/${rejected.reference}/reject`, {});
    outcomes.rejected = await settle(rejected);
    await h.value('cart.clear', {});

    const expiring = await startPayment('push');
    await h.advance(5_000);
    await h.advance(10 * 60_000);
    outcomes.expired = await settle(expiring);
    await h.value('cart.clear', {});

    const withdrawn = await startPayment('push');
    outcomes.terminated = await h.value('sale.cancel', { saleId: withdrawn.id });
    await h.value('cart.clear', {});

    const released = await startPayment('push');
    await h.control('POST', `/payments/${released.reference}/approve`, {});
    await h.control('POST', '/faults', { kind: 'status', status: 503, method: 'POST', pathPrefix: `/epayment/v1/payments/${released.reference}/capture`, count: 10 });
    await h.advance(5_000);
    outcomes.released = await h.value('sale.cancel', { saleId: released.id });
    await h.value('cart.clear', {});

    await h.control('PATCH', '/merchants/123456', { pushMessageAllowed: false });
    await startPayment('push').catch(() => undefined);

    const validator = await createContractValidator();
    summary = summarise(h.sandbox.exchanges.map((exchange) => validator.check(exchange)));
  });

  afterAll(async () => {
    await h?.close();
  });

  it('drove each flow to its outcome', () => {
    expect(Object.fromEntries(Object.entries(outcomes).map(([name, sale]) => [name, sale.status]))).toEqual({
      push: 'completed',
      refunded: 'completed',
      qr: 'completed',
      rejected: 'aborted',
      expired: 'expired',
      terminated: 'terminated',
      released: 'released',
    });
    expect(outcomes.refunded!.amounts.refunded).toBe(15000);
  });

  it('has zero violations in every ePayment request and response', () => {
    console.log(formatSummary(summary));
    expect(summary.violations).toEqual([]);
    expect(summary.undocumented).toEqual([]);
  });

  it('covered every ePayment operation and status Kassa uses', () => {
    const epayment = Object.keys(summary.validated).filter((key) => key.startsWith('epayment')).sort();
    expect(epayment).toEqual([
      'epayment-v1 cancelPayment 200',
      'epayment-v1 capturePayment 200',
      // The injected outage before the release: its request is still checked against the spec.
      'epayment-v1 capturePayment 503',
      'epayment-v1 createPayment 201',
      'epayment-v1 createPayment 403',
      'epayment-v1 getPayment 200',
      'epayment-v1 refundPayment 200',
    ]);
  });
});
