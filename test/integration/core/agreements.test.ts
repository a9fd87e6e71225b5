import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CoreHarness } from '../../support/core-harness';
import type { SubscriptionSale } from '../../../shared/subscription';
import { DEFAULT_FOLLOW_FOR_MS } from '../../../electron/core/agreements/agreement-service';

let h: CoreHarness;
beforeEach(async () => {
  h = await CoreHarness.start();
});
afterEach(async () => {
  await h.close();
});

const phone = { country: 'NO' as const, number: '912 34 567' };

/** A customer signs up at the counter and approves; the registration reaches billing. */
async function signUp(planId: string): Promise<SubscriptionSale> {
  const sale = await h.value('subscription.start', { planId, phone, profileScopes: ['name', 'email'] });
  await h.approve(sale.agreementId!);
  await h.clock.advance(5_000);
  const done = await h.waitForStatus(sale.id, 'active');
  await h.value('sync.now', {});
  return done;
}

/** Lets the till's own timers run for `ms` of fake time, each step finishing its HTTP calls. */
async function runTimersFor(ms: number) {
  const end = h.clock.now() + ms;
  for (;;) {
    const next = h.clock.nextTimerIn();
    if (next === null || h.clock.now() + next > end) break;
    await h.advance(next);
  }
  await h.advance(end - h.clock.now());
}

async function patches(agreementId: string) {
  return h.exchanges('PATCH', `/recurring/v3/agreements/${agreementId}`).filter((e) => !e.path.endsWith('/accept'));
}

describe('a subscriber who comes back', () => {
  it('is found by phone with the billing record, the live state and the registration kept', async () => {
    const sale = await signUp('kaffeklubben-mnd');
    const found = await h.value('customers.lookup', { phone });
    expect(found.billing).toBe('ok');
    expect(found.subscribers).toHaveLength(1);
    const [subscriber] = found.subscribers;
    expect(subscriber!.contact.name).toBeTruthy();
    expect(subscriber!.accounts[0]!.accountId).toMatch(/^ACC-/);
    const [agreement] = subscriber!.agreements;
    expect(agreement).toMatchObject({ agreementId: sale.agreementId, planId: 'kaffeklubben-mnd', disagreements: [] });
    expect(agreement!.billing).toMatchObject({ billingAgreementId: expect.stringMatching(/^BA-/), status: 'ACTIVE' });
    expect(agreement!.live).toMatchObject({ status: 'ACTIVE', pricing: { type: 'LEGACY', currency: 'NOK', amount: 19900 }, interval: { type: 'RECURRING', unit: 'MONTH', count: 1 } });
    expect(agreement!.live!.nextChargeDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // By subscriber id and by agreement id: the same subscriber.
    expect((await h.value('customers.lookup', { subscriberId: subscriber!.subscriberId })).subscribers[0]!.subscriberId).toBe(subscriber!.subscriberId);
    expect((await h.value('customers.lookup', { agreementId: sale.agreementId! })).subscribers[0]!.subscriberId).toBe(subscriber!.subscriberId);

    // Returning: the same plan is recognised, another plan lists what they have.
    expect((await h.value('customers.check', { phone, planId: 'kaffeklubben-mnd' })).state).toBe('same-plan');
    expect((await h.value('customers.check', { phone, planId: 'sykkelservice-aar' })).state).toBe('other-plans');
    expect((await h.value('customers.check', { phone: { country: 'NO', number: '41234567' }, planId: 'kaffeklubben-mnd' })).state).toBe('clear');
  });

  it('changes the plan in place with one PATCH, and billing hears of it', async () => {
    const sale = await signUp('kaffeklubben-mnd');
    const preview = await h.value('agreement.previewChange', { agreementId: sale.agreementId!, planId: 'sykkelservice-aar' });
    expect(preview.blocked).toBeNull();
    expect(preview.to.pricing).toEqual({ type: 'LEGACY', currency: 'NOK', amount: 99000 });
    expect(preview.customerSees).toEqual(expect.arrayContaining(['productName', 'price', 'interval']));

    const op = await h.value('agreement.changePlan', { agreementId: sale.agreementId!, planId: 'sykkelservice-aar' });
    expect(op.status).toBe('done');
    const sent = await patches(sale.agreementId!);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.requestBody).toMatchObject({ productName: 'Sykkelservice årsavtale', pricing: { amount: 99000 }, interval: { type: 'RECURRING', period: { unit: 'YEAR', count: 1 } } });
    expect(h.exchanges('POST', '/recurring/v3/agreements').filter((e) => e.path === '/recurring/v3/agreements')).toHaveLength(1);

    await h.value('sync.now', {});
    const billing = await h.control('GET', `/billing/agreements/${sale.agreementId}`);
    expect(billing.billingAgreementId).toMatch(/^BA-/);
    const view = await h.value('agreement.get', { agreementId: sale.agreementId! });
    expect(view.planId).toBe('sykkelservice-aar');
    expect(view.billing?.planId).toBe('sykkelservice-aar');
    expect(view.live?.pricing.amount).toBe(99000);
  });

  it('moves an agreement to the FLEXIBLE interval and back, in place', async () => {
    const sale = await signUp('brodabonnement-forbruk');
    const toFlexible = await h.value('agreement.previewChange', { agreementId: sale.agreementId!, planId: 'sykkelverksted-per-reparasjon' });
    expect(toFlexible).toMatchObject({ blocked: null, to: { interval: { type: 'FLEXIBLE' } }, customerSees: expect.arrayContaining(['interval']) });
    expect((await h.value('agreement.changePlan', { agreementId: sale.agreementId!, planId: 'sykkelverksted-per-reparasjon' })).status).toBe('done');
    let view = await h.value('agreement.get', { agreementId: sale.agreementId! });
    expect(view.live).toMatchObject({ interval: { type: 'FLEXIBLE' }, nextChargeDate: null, pricing: { type: 'VARIABLE', suggestedMaxAmount: 200000 } });

    expect((await h.value('agreement.changePlan', { agreementId: sale.agreementId!, planId: 'brodabonnement-forbruk' })).status).toBe('done');
    view = await h.value('agreement.get', { agreementId: sale.agreementId! });
    expect(view.live?.interval).toEqual({ type: 'RECURRING', unit: 'MONTH', count: 1 });
    const [there, back] = await patches(sale.agreementId!);
    expect(there!.requestBody).toMatchObject({ interval: { type: 'FLEXIBLE' } });
    expect((there!.requestBody as { interval: object }).interval).not.toHaveProperty('period');
    expect(back!.requestBody).toMatchObject({ interval: { type: 'RECURRING', period: { unit: 'MONTH', count: 1 } }, pricing: { suggestedMaxAmount: 150000 } });
  });

  it('follows a 202 until the agreement shows the change', async () => {
    const sale = await signUp('kaffeklubben-mnd');
    await h.control('PATCH', '/settings', { asyncMutations: true });
    const op = await h.value('agreement.changePlan', { agreementId: sale.agreementId!, planId: 'sykkelservice-aar' });
    expect(op.status).toBe('accepted');
    await h.advance(1_000);
    await h.advance(2_000);
    expect((await h.value('agreement.operation', { operationId: op.id })).status).toBe('done');
    expect(await patches(sale.agreementId!)).toHaveLength(1);
  });

  it('follows a 202 for a bounded time, then says "not confirmed yet", and checks again when asked', async () => {
    const sale = await signUp('kaffeklubben-mnd');
    // Vipps accepts the change but carries it out only ten minutes later.
    await h.control('PATCH', '/settings', { asyncMutations: true, patchEnactDelayMs: 10 * 60_000 });
    const op = await h.value('agreement.changePlan', { agreementId: sale.agreementId!, planId: 'sykkelservice-aar' });
    expect(op).toMatchObject({ status: 'accepted', acceptedAt: h.clock.now() });
    await runTimersFor(DEFAULT_FOLLOW_FOR_MS + 30_000);
    const given = await h.value('agreement.operation', { operationId: op.id });
    expect(given.status).toBe('unconfirmed');
    // It no longer asks on its own: no GET of the agreement while more time passes.
    const gets = () => h.exchanges('GET', `/recurring/v3/agreements/${sale.agreementId}`).length;
    const before = gets();
    await runTimersFor(60_000);
    expect(gets()).toBe(before);
    // The cashier checks again too early: still unconfirmed, one more look.
    expect((await h.value('agreement.recheck', { operationId: op.id })).status).toBe('unconfirmed');
    expect(gets()).toBe(before + 1);
    await h.advance(10 * 60_000);
    const done = await h.value('agreement.recheck', { operationId: op.id });
    expect(done.status).toBe('done');
    expect(await patches(sale.agreementId!)).toHaveLength(1);
    await h.value('sync.now', {});
    expect((await h.value('agreement.get', { agreementId: sale.agreementId! })).billing?.planId).toBe('sykkelservice-aar');
  });

  it('keeps the deadline across a restart: counted from the 202, not from the start of the till', async () => {
    const sale = await signUp('kaffeklubben-mnd');
    await h.control('PATCH', '/settings', { asyncMutations: true, patchEnactDelayMs: 60 * 60_000 });
    const op = await h.value('agreement.changePlan', { agreementId: sale.agreementId!, planId: 'sykkelservice-aar' });
    await h.crashAndRestart();
    await runTimersFor(DEFAULT_FOLLOW_FOR_MS + 30_000);
    expect((await h.value('agreement.operation', { operationId: op.id })).status).toBe('unconfirmed');
  });

  it('resumes after a crash between the PATCH sent and its answer lost: one change', async () => {
    const sale = await signUp('kaffeklubben-mnd');
    await h.control('POST', '/faults', { kind: 'process-then-drop', method: 'PATCH', pathPrefix: `/recurring/v3/agreements/${sale.agreementId}` });
    const requestId = randomUUID();
    const first = await h.value('agreement.changePlan', { requestId, agreementId: sale.agreementId!, planId: 'sykkelservice-aar' });
    expect(first.status).toBe('requested');
    expect(first.problem?.code).toBe('VIPPS_UNAVAILABLE');

    await h.crashAndRestart();
    await h.advance(0);
    const again = await h.value('agreement.changePlan', { requestId, agreementId: sale.agreementId!, planId: 'sykkelservice-aar' });
    expect(again.id).toBe(first.id);
    expect(again.status).toBe('done');
    const sent = await patches(sale.agreementId!);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.requestHeaders['idempotency-key']).toBe(sent[0]!.requestHeaders['idempotency-key']);
    expect(sent[1]!.requestBody).toEqual(sent[0]!.requestBody);
    await h.value('sync.now', {});
    const events = (await h.control('GET', '/billing/agreements/' + sale.agreementId)).billingAgreementId;
    expect(events).toBeTruthy();
  });

  it('says clearly that the customer stopped the agreement in the app meanwhile', async () => {
    const sale = await signUp('kaffeklubben-mnd');
    await h.control('POST', `/agreements/${sale.agreementId}/stop-by-user`, {});
    const result = await h.invoke('agreement.changePlan', { agreementId: sale.agreementId!, planId: 'sykkelservice-aar' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('AGREEMENT_NOT_ACTIVE');
    expect(result.error.message).toMatch(/stopped/);
    const view = await h.value('agreement.get', { agreementId: sale.agreementId! });
    expect(view.stoppedBy).toBe('elsewhere');
    expect(view.disagreements[0]).toMatch(/status: ACTIVE in billing, STOPPED/);
    expect(await patches(sale.agreementId!)).toHaveLength(0);
  });

  it('makes parallel changes of one agreement one at a time', async () => {
    const sale = await signUp('kaffeklubben-mnd');
    const results = await Promise.all([
      h.invoke('agreement.changePlan', { agreementId: sale.agreementId!, planId: 'sykkelservice-aar' }),
      h.invoke('agreement.changePlan', { agreementId: sale.agreementId!, planId: 'treningssenter-basis' }),
      h.invoke('agreement.stop', { agreementId: sale.agreementId!, reason: 'Moving away' }),
    ]);
    const done = results.filter((r) => r.ok);
    const refused = results.filter((r) => !r.ok);
    expect(done.length).toBeGreaterThanOrEqual(1);
    for (const r of refused) if (!r.ok) expect(['CONFLICT', 'AGREEMENT_NOT_ACTIVE']).toContain(r.error.code);
    expect(await patches(sale.agreementId!)).toHaveLength(done.length);
  });

  it('stops with a reason, once', async () => {
    const sale = await signUp('kaffeklubben-mnd');
    const op = await h.value('agreement.stop', { agreementId: sale.agreementId!, reason: 'Moving away' });
    expect(op.status).toBe('done');
    const view = await h.value('agreement.get', { agreementId: sale.agreementId! });
    expect(view.live?.status).toBe('STOPPED');
    expect(view.stoppedBy).toBe('till');
    const again = await h.invoke('agreement.stop', { agreementId: sale.agreementId!, reason: 'Moving away' });
    expect(!again.ok && again.error.code).toBe('AGREEMENT_NOT_ACTIVE');
    await h.value('sync.now', {});
    expect((await h.value('agreement.get', { agreementId: sale.agreementId! })).billing?.status).toBe('STOPPED');
  });

  it('refunds a captured initial charge partly and then fully, never more', async () => {
    const sale = await signUp('blomster-med-vase');
    const [charge] = await h.value('agreement.charges', { agreementId: sale.agreementId! });
    expect(charge).toMatchObject({ status: 'CHARGED', amount: 49900, refundable: 49900 });
    const part = await h.value('charge.refund', { agreementId: sale.agreementId!, chargeId: charge!.id, amount: 10000, currency: 'NOK' });
    expect(part.status).toBe('done');
    const tooMuch = await h.invoke('charge.refund', { agreementId: sale.agreementId!, chargeId: charge!.id, amount: 40000, currency: 'NOK' });
    expect(!tooMuch.ok && tooMuch.error).toMatchObject({ code: 'VALIDATION', fields: { amount: expect.stringMatching(/At most 39900/) } });
    const wrongCurrency = await h.invoke('charge.refund', { agreementId: sale.agreementId!, chargeId: charge!.id, amount: 100, currency: 'EUR' });
    expect(!wrongCurrency.ok && wrongCurrency.error.fields?.currency).toBe('must be NOK');
    await h.value('charge.refund', { agreementId: sale.agreementId!, chargeId: charge!.id, amount: 39900, currency: 'NOK' });
    const [after] = await h.value('agreement.charges', { agreementId: sale.agreementId! });
    expect(after).toMatchObject({ status: 'REFUNDED', refunded: 49900, refundable: 0 });
    await h.value('sync.now', {});
    expect((await h.value('sync.status', {})).deadLetters).toBe(0);
  });

  it('needs a manager for refunds: a cashier is asked for approval', async () => {
    await h.close();
    h = await CoreHarness.start({ signIn: 'cashier' });
    const result = await h.invoke('charge.refund', { agreementId: 'agr_nothing', chargeId: 'chr_x', amount: 100, currency: 'NOK' });
    expect(!result.ok && result.error.code).toBe('MANAGER_APPROVAL_NEEDED');
  });

  it('gives each bad input its own message', async () => {
    const sale = await signUp('kaffeklubben-mnd');
    // A plan in another currency.
    const eur = { id: 'kaffe-eur', name: 'Kaffeklubben EUR', currency: 'EUR', pricing: { type: 'LEGACY', amount: 1990 }, interval: { unit: 'MONTH', count: 1 }, vatRate: 1500 };
    const variable = { id: 'brod', name: 'Brød etter forbruk', currency: 'NOK', pricing: { type: 'VARIABLE', suggestedMaxAmount: 150000 }, interval: { unit: 'MONTH', count: 1 }, vatRate: 1500 };
    const base = { id: 'kaffeklubben-mnd', name: 'Kaffeklubben – månedlig', currency: 'NOK', pricing: { type: 'LEGACY', amount: 19900 }, interval: { unit: 'MONTH', count: 1 }, vatRate: 1500 };
    await h.control('PUT', '/billing/plans', { plans: [base, eur, variable] });
    await h.value('catalogue.plans', { refresh: true });

    const currency = await h.invoke('agreement.changePlan', { agreementId: sale.agreementId!, planId: 'kaffe-eur' });
    // This shop sells in NOK, so the catalogue already refuses the EUR plan, naming both currencies.
    expect(!currency.ok && currency.error.message).toMatch(/EUR.*NOK/);
    const pricing = await h.value('agreement.previewChange', { agreementId: sale.agreementId!, planId: 'brod' });
    expect(pricing.blocked).toBe('PRICING_TYPE');
    const unknown = await h.invoke('agreement.changePlan', { agreementId: 'agr_UNKNOWN', planId: 'kaffe-eur' });
    expect(!unknown.ok && unknown.error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/No agreement agr_UNKNOWN/) });
    const lookup = await h.invoke('customers.lookup', { agreementId: 'agr_UNKNOWN' });
    expect(!lookup.ok && lookup.error.code).toBe('NOT_FOUND');
    await h.value('agreement.stop', { agreementId: sale.agreementId!, reason: 'Customer asked' });
    const stopped = await h.invoke('agreement.changePlan', { agreementId: sale.agreementId!, planId: 'kaffeklubben-mnd' });
    expect(!stopped.ok && stopped.error).toMatchObject({ code: 'AGREEMENT_NOT_ACTIVE', message: expect.stringMatching(/stopped and can never be changed/) });
    expect(await patches(sale.agreementId!)).toHaveLength(1);
  });

  it('says it could not check when billing is offline, and reports the change later', async () => {
    const sale = await signUp('kaffeklubben-mnd');
    await h.control('PUT', '/billing/offline', { offline: true });
    const check = await h.value('customers.check', { phone, planId: 'kaffeklubben-mnd' });
    expect(check.state).toBe('unchecked');
    expect(check.agreements.map((a) => a.agreementId)).toEqual([sale.agreementId]);
    const op = await h.value('agreement.changePlan', { agreementId: sale.agreementId!, planId: 'sykkelservice-aar' });
    expect(op.status).toBe('done');
    expect((await h.value('sync.now', {})).waiting).toBe(1);
    await h.control('PUT', '/billing/offline', { offline: false });
    expect((await h.value('sync.now', {})).waiting).toBe(0);
    expect((await h.value('agreement.get', { agreementId: sale.agreementId! })).billing?.planId).toBe('sykkelservice-aar');
  });
});
