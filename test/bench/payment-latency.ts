import { randomUUID } from 'node:crypto';
import { request } from 'undici';
import { createHttpClient } from '../../electron/core/http/http-client';
import { createAccessTokenProvider } from '../../electron/core/vipps/access-token';
import { EpaymentClient } from '../../electron/core/vipps/epayment-client';
import { createVippsHttpClient } from '../../electron/core/vipps/vipps-http-client';
import { createSandbox } from '../../electron/sandbox/create-sandbox';
import type { Sandbox } from '../../electron/sandbox/sandbox-api';
import { trainingCredentials } from '../../electron/sandbox/training-credentials';
import { trainingConfig } from '../support/core-harness';
import { sandboxControl } from '../support/sandbox-control';
import { percentile, type Metric } from './bench-kit';
import { BenchTill, customerThinkingMs, delay } from './bench-till';

const TILLS = 8;
const SALES_PER_TILL = 3;
const PRODUCTS = [{ id: 'bun', name: 'Kanelbolle', unitPrice: 3900, currency: 'NOK', vatRate: 1500 }];

/**
 * Time from the customer's approval of a push payment to the captured sale reaching the
 * cashier's screen (server-sent events from the web host), at the default poll schedule, in real
 * time; and how long the capture itself takes against the sandbox.
 */
export async function measurePaymentLatency(): Promise<Metric[]> {
  const sandbox = await createSandbox({ port: 0, recordExchanges: false });
  await sandboxControl(sandbox, 'PUT', '/billing/products', { products: PRODUCTS });
  const toScreen: number[] = [];
  try {
    await Promise.all(Array.from({ length: TILLS }, (_, till) => runTill(sandbox, till, toScreen)));
  } finally {
    await sandbox.close();
  }
  return [
    { name: 'payment-approval-to-captured-screen-p50', value: Math.round(percentile(toScreen, 50)), unit: 'ms', budget: '<= 3000' },
    { name: 'payment-approval-to-captured-screen-p95', value: Math.round(percentile(toScreen, 95)), unit: 'ms', budget: '<= 3000' },
  ];
}

async function runTill(sandbox: Sandbox, till: number, samples: number[]): Promise<void> {
  const kassa = await BenchTill.start(sandbox, (config) => ({ ...config, tillId: `bench-${till}` }));
  try {
    for (let i = 0; i < SALES_PER_TILL; i++) {
      await kassa.invoke('cart.add', { productId: 'bun', quantity: 1 + i });
      const phone = { country: 'NO', number: `4${String(1000000 + till * 10 + i)}` };
      const sale = await kassa.invoke<{ id: string; reference: string }>('payment.start', { requestId: randomUUID(), method: 'push', phone });
      await delay(customerThinkingMs());
      await sandboxControl(sandbox, 'POST', `/payments/${sale.reference}/approve`, {});
      const approvedAt = performance.now();
      samples.push((await kassa.whenSeen('sale.changed', sale.id, 'completed')) - approvedAt);
    }
  } finally {
    await kassa.stop();
  }
}

/**
 * The client's overhead: create, get and capture through Kassa's ePayment client (token cache,
 * headers, zod parsing, error mapping) against the same three calls made with bare undici.
 */
export async function measureClientOverhead(rounds = 200): Promise<Metric[]> {
  const sandbox = await createSandbox({ port: 0, recordExchanges: false });
  await sandboxControl(sandbox, 'PATCH', '/settings', { rateLimits: false });
  const http = createHttpClient();
  const config = trainingConfig(sandbox, '/unused').vipps;
  const system = { systemName: 'Kassa', systemVersion: 'bench', pluginName: 'kassa-pos', pluginVersion: 'bench' };
  const tokens = createAccessTokenProvider(http, config, system, Date.now);
  const client = new EpaymentClient(createVippsHttpClient(http, tokens, config, system, Date.now));
  const token = await tokens.get();
  const headers = {
    authorization: `Bearer ${token}`,
    'ocp-apim-subscription-key': trainingCredentials.subscriptionKey,
    'merchant-serial-number': trainingCredentials.merchantSerialNumber,
    'content-type': 'application/json',
  };
  const body = (reference: string) => ({
    amount: { currency: 'NOK', value: 3900 },
    paymentMethod: { type: 'WALLET' as const },
    reference,
    userFlow: 'QR' as const,
    qrFormat: { format: 'TEXT/TARGETURL' as const },
    customerInteraction: 'CUSTOMER_PRESENT' as const,
    paymentDescription: 'Bench',
    receipt: { orderLines: [{ name: 'Bun', id: 'bun', totalAmount: 3900, totalAmountExcludingTax: 3391, totalTaxAmount: 509, taxRate: 1500, unitInfo: { unitPrice: 3900, quantity: '1', quantityUnit: 'PCS' as const } }], bottomLine: { currency: 'NOK', posId: 'bench', receiptNumber: 'b', totalAmount: 3900, totalTax: 509 } },
  });

  // Each returns the time of its three calls, leaving out the customer's approval in between.
  const viaKassa = async () => {
    const reference = `bench-${randomUUID()}`;
    const createStart = performance.now();
    await client.create(body(reference), randomUUID());
    const createTime = performance.now() - createStart;
    await sandboxControl(sandbox, 'POST', `/payments/${reference}/approve`, {});
    const start = performance.now();
    await client.get(reference);
    await client.capture(reference, { currency: 'NOK', value: 3900 }, randomUUID());
    return createTime + performance.now() - start;
  };
  const bare = async () => {
    const reference = `bench-${randomUUID()}`;
    const createStart = performance.now();
    const created = await request(`${sandbox.url}/epayment/v1/payments`, { method: 'POST', headers: { ...headers, 'idempotency-key': randomUUID() }, body: JSON.stringify(body(reference)) });
    await created.body.json();
    const createTime = performance.now() - createStart;
    await sandboxControl(sandbox, 'POST', `/payments/${reference}/approve`, {});
    const start = performance.now();
    const got = await request(`${sandbox.url}/epayment/v1/payments/${reference}`, { headers });
    await got.body.json();
    const captured = await request(`${sandbox.url}/epayment/v1/payments/${reference}/capture`, {
      method: 'POST',
      headers: { ...headers, 'idempotency-key': randomUUID() },
      body: JSON.stringify({ modificationAmount: { currency: 'NOK', value: 3900 } }),
    });
    await captured.body.json();
    return createTime + performance.now() - start;
  };
  // Interleaved, so whatever else the machine does hits both alike.
  const fullKassa: number[] = [];
  const fullBare: number[] = [];
  const captureOnly: number[] = [];
  try {
    for (let i = 0; i < 20; i++) {
      await viaKassa();
      await bare();
    }
    for (let i = 0; i < rounds; i++) {
      fullKassa.push(await viaKassa());
      fullBare.push(await bare());
      const reference = `bench-${randomUUID()}`;
      await client.create(body(reference), randomUUID());
      await sandboxControl(sandbox, 'POST', `/payments/${reference}/approve`, {});
      const start = performance.now();
      await client.capture(reference, { currency: 'NOK', value: 3900 }, randomUUID());
      captureOnly.push(performance.now() - start);
    }
  } finally {
    await http.close();
    await sandbox.close();
  }
  const kassaMedian = percentile(fullKassa, 50);
  const bareMedian = percentile(fullBare, 50);
  return [
    { name: 'capture-latency-p50', value: round(percentile(captureOnly, 50)), unit: 'ms', budget: '<= 50' },
    { name: 'capture-latency-p95', value: round(percentile(captureOnly, 95)), unit: 'ms', budget: '<= 100' },
    { name: 'client-create-get-capture-median', value: round(kassaMedian), unit: 'ms', budget: '<= 75' },
    { name: 'bare-undici-create-get-capture-median', value: round(bareMedian), unit: 'ms', budget: '<= 75' },
    { name: 'client-overhead-ratio', value: round(kassaMedian / bareMedian), unit: 'x', budget: '<= 1.2' },
  ];
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

