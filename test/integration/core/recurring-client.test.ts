import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient, type HttpClient } from '../../../electron/core/http/http-client';
import { createAccessTokenProvider } from '../../../electron/core/vipps/access-token';
import { RecurringClient } from '../../../electron/core/vipps/recurring-client';
import { cashierErrorFor, VippsApiError } from '../../../electron/core/vipps/vipps-errors';
import { createVippsHttpClient } from '../../../electron/core/vipps/vipps-http-client';
import { createSandbox } from '../../../electron/sandbox/create-sandbox';
import type { Sandbox } from '../../../electron/sandbox/sandbox-api';
import { trainingConfig } from '../../support/core-harness';
import { sandboxControl } from '../../support/sandbox-control';

const system = { systemName: 'Kassa', systemVersion: 'test', pluginName: 'kassa-pos', pluginVersion: 'test' };
let sandbox: Sandbox;
let http: HttpClient;
let client: RecurringClient;

beforeEach(async () => {
  sandbox = await createSandbox({ port: 0 });
  http = createHttpClient({ responseTimeoutMs: 2_000 });
  const config = trainingConfig(sandbox, '/unused').vipps;
  const tokens = createAccessTokenProvider(http, config, system, Date.now);
  client = new RecurringClient(createVippsHttpClient(http, tokens, config, system, Date.now));
});
afterEach(async () => {
  await http.close();
  await sandbox.close();
});

const draft = {
  pricing: { type: 'LEGACY' as const, currency: 'NOK', amount: 19900 },
  interval: { unit: 'MONTH' as const, count: 1 },
  merchantRedirectUrl: 'https://kassa.example/thanks',
  merchantAgreementUrl: 'https://kassa.example/subscriptions',
  phoneNumber: '4791234567',
  productName: 'Kaffeklubben',
  externalId: 'sale-1',
  skipLandingPage: true as const,
};

async function failureOf(promise: Promise<unknown>): Promise<VippsApiError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(VippsApiError);
  return error as VippsApiError;
}

describe('Recurring client against the sandbox', () => {
  it('creates, reads and stops an agreement', async () => {
    const created = await client.createAgreement(draft, 'key-create-1');
    expect(created.agreementId).toMatch(/^agr_/);
    expect((await client.getAgreement(created.agreementId)).status).toBe('PENDING');
    await client.stopAgreement(created.agreementId, 'key-stop-1');
    expect((await client.getAgreement(created.agreementId)).status).toBe('STOPPED');
  });

  it('gets the same agreement back for the same key and body', async () => {
    const first = await client.createAgreement(draft, 'key-same');
    const again = await client.createAgreement(draft, 'key-same');
    expect(again.agreementId).toBe(first.agreementId);
  });

  it('turns a reused key with another body into a conflict', async () => {
    await client.createAgreement(draft, 'key-conflict');
    const error = await failureOf(client.createAgreement({ ...draft, productName: 'Other' }, 'key-conflict'));
    expect(error.kind).toBe('conflict');
    expect(error.retryable).toBe(false);
  });

  it('puts a phone number Vipps refuses on the phone field', async () => {
    const error = await failureOf(client.createAgreement({ ...draft, phoneNumber: '47-12' }, 'key-bad-phone'));
    expect(error.kind).toBe('client');
    expect(error.fieldNamed('phoneNumber')).toBeTruthy();
    expect(cashierErrorFor(error, { merchantSerialNumber: '123456' })).toMatchObject({ code: 'VALIDATION', fields: { phone: expect.any(String) } });
  });

  it('classifies a missing agreement, a dropped connection and a 5xx', async () => {
    expect((await failureOf(client.getAgreement('agr_nothere'))).kind).toBe('not-found');
    await sandboxControl(sandbox, 'POST', '/faults', { kind: 'drop', pathPrefix: '/recurring' });
    const dropped = await failureOf(client.getAgreement('agr_nothere'));
    expect(dropped.kind).toBe('network');
    expect(dropped.retryable).toBe(true);
    await sandboxControl(sandbox, 'POST', '/faults', { kind: 'status', status: 503, pathPrefix: '/recurring' });
    expect((await failureOf(client.getAgreement('agr_nothere'))).kind).toBe('server');
  });

  it('refuses to send a mutation without its stored idempotency key', async () => {
    await expect(client.stopAgreement('agr_x', '')).rejects.toThrow(/Idempotency-Key/);
  });
});
