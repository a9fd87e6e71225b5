import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectProblemShape, fieldNames, MINUTE, startSandbox, type Harness } from './harness';

describe('initial charge and charges', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startSandbox();
  });
  afterEach(() => h.close());

  const charge = async (agreementId: string, chargeId: string) => (await h.vipps('GET', `/recurring/v3/agreements/${agreementId}/charges/${chargeId}`)).body;
  const agreementStatus = async (agreementId: string) => (await h.vipps('GET', `/recurring/v3/agreements/${agreementId}`)).body.status;
  const reserveDraft = () => h.draft({ initialCharge: { amount: 49900, description: 'Glassvase', transactionType: 'RESERVE_CAPTURE' } });
  const directDraft = () => h.draft({ initialCharge: { amount: 19900, description: 'Innmeldingsavgift', transactionType: 'DIRECT_CAPTURE' } });

  it('creates the initial charge with the draft: INITIAL, PENDING, due as date-time', async () => {
    const { agreementId, chargeId } = await reserveDraft();
    expect(chargeId).toMatch(/^chr-[A-Za-z0-9]{10}$/);
    const c = await charge(agreementId, chargeId!);
    expect(c).toMatchObject({
      id: chargeId,
      agreementId,
      amount: 49900,
      currency: 'NOK',
      description: 'Glassvase',
      type: 'INITIAL',
      transactionType: 'RESERVE_CAPTURE',
      status: 'PENDING',
      due: '2026-11-22T09:00:00Z',
      summary: { captured: 0, refunded: 0, cancelled: 0 },
    });
    expect(c).not.toHaveProperty('failureReason');
    expect(c.transactionId).toMatch(/^\d{10,}$/);
    expect(c.history.map((e: { event: string }) => e.event)).toEqual(['CREATE']);
  });

  it('reserves on approval, then captures partially and fully (204 each)', async () => {
    const { agreementId, chargeId } = await reserveDraft();
    await h.control('POST', `/agreements/${agreementId}/approve`, {});
    expect(await agreementStatus(agreementId)).toBe('ACTIVE');
    expect((await charge(agreementId, chargeId!)).status).toBe('RESERVED');

    const capture = (amount: number, key?: string) =>
      h.vipps('POST', `/recurring/v3/agreements/${agreementId}/charges/${chargeId}/capture`, { body: { amount }, ...(key ? { idempotencyKey: key } : {}) });
    const partial = await capture(20000, 'cap-1');
    expect(partial.status).toBe(204);
    expect(partial.text).toBe('');
    let c = await charge(agreementId, chargeId!);
    expect(c.status).toBe('PARTIALLY_CAPTURED');
    expect(c.summary).toEqual({ captured: 20000, refunded: 0, cancelled: 0 });

    // A retry of the same capture (same key) must not capture twice.
    expect((await capture(20000, 'cap-1')).status).toBe(204);
    expect((await charge(agreementId, chargeId!)).summary.captured).toBe(20000);

    const tooMuch = await capture(30000);
    expectProblemShape(tooMuch, 400, 'charge-capture-failed');
    expect(fieldNames(tooMuch)).toEqual(['amount']);

    expect((await capture(29900)).status).toBe(204);
    c = await charge(agreementId, chargeId!);
    expect(c.status).toBe('CHARGED');
    expect(c.summary.captured).toBe(49900);
    expect(c.history.map((e: { event: string }) => e.event)).toEqual(['CREATE', 'RESERVE', 'CAPTURE', 'CAPTURE']);
    expect(c.history[2]).toMatchObject({ amount: 20000, idempotencyKey: 'cap-1', success: true });

    const again = await capture(1);
    expectProblemShape(again, 400, 'charge-capture-failed');
  });

  it('charges a DIRECT_CAPTURE initial charge on approval and refuses to capture it', async () => {
    const { agreementId, chargeId } = await directDraft();
    await h.vipps('PATCH', `/recurring/v3/agreements/${agreementId}/accept`, { body: { phoneNumber: '4791234567' } });
    const c = await charge(agreementId, chargeId!);
    expect(c.status).toBe('CHARGED');
    expect(c.summary.captured).toBe(19900);
    const capture = await h.vipps('POST', `/recurring/v3/agreements/${agreementId}/charges/${chargeId}/capture`, { body: { amount: 100 } });
    expectProblemShape(capture, 400, 'charge-capture-failed');
  });

  it('expires the agreement and fails the charge when the DIRECT_CAPTURE initial charge fails', async () => {
    await h.control('POST', '/initial-charge/fail-next', {});
    const { agreementId, chargeId } = await directDraft();
    const approve = await h.control('POST', `/agreements/${agreementId}/approve`, {});
    expect(approve.body).toMatchObject({ status: 'EXPIRED', outcome: 'initial-charge-failed' });
    expect(await agreementStatus(agreementId)).toBe('EXPIRED');
    const c = await charge(agreementId, chargeId!);
    expect(c.status).toBe('FAILED');
    expect(c.failureReason).toBe('user_action_required');
    expect(c.failureDescription).toBe('User action required');
    expect(c.history.at(-1)).toMatchObject({ event: 'FAIL', success: false });
    // Only the next one fails.
    const next = await directDraft();
    await h.control('POST', `/agreements/${next.agreementId}/approve`, {});
    expect(await agreementStatus(next.agreementId)).toBe('ACTIVE');
  });

  it('cancels the pending initial charge when the customer rejects or the agreement expires', async () => {
    const rejected = await reserveDraft();
    await h.control('POST', `/agreements/${rejected.agreementId}/reject`, {});
    expect(await charge(rejected.agreementId, rejected.chargeId!)).toMatchObject({ status: 'CANCELLED', summary: { cancelled: 49900 } });
    const expired = await reserveDraft();
    h.clock.now += 10 * MINUTE;
    expect(await charge(expired.agreementId, expired.chargeId!)).toMatchObject({ status: 'CANCELLED' });
  });

  it('cancels a RESERVED charge (DELETE → 204) and releases the rest of a PARTIALLY_CAPTURED one as CHARGED', async () => {
    const a = await reserveDraft();
    await h.control('POST', `/agreements/${a.agreementId}/approve`, {});
    const del = await h.vipps('DELETE', `/recurring/v3/agreements/${a.agreementId}/charges/${a.chargeId}`);
    expect(del.status).toBe(204);
    expect(await charge(a.agreementId, a.chargeId!)).toMatchObject({ status: 'CANCELLED', summary: { captured: 0, cancelled: 49900 } });
    const again = await h.vipps('DELETE', `/recurring/v3/agreements/${a.agreementId}/charges/${a.chargeId}`);
    expectProblemShape(again, 400, 'cancel-charge-failed');

    const b = await reserveDraft();
    await h.control('POST', `/agreements/${b.agreementId}/approve`, {});
    await h.vipps('POST', `/recurring/v3/agreements/${b.agreementId}/charges/${b.chargeId}/capture`, { body: { amount: 10000 } });
    await h.vipps('DELETE', `/recurring/v3/agreements/${b.agreementId}/charges/${b.chargeId}`);
    expect(await charge(b.agreementId, b.chargeId!)).toMatchObject({ status: 'CHARGED', summary: { captured: 10000, cancelled: 39900 } });
  });

  it('cancels a RESERVED initial charge when the merchant stops the agreement', async () => {
    const a = await reserveDraft();
    await h.control('POST', `/agreements/${a.agreementId}/approve`, {});
    await h.vipps('PATCH', `/recurring/v3/agreements/${a.agreementId}`, { body: { status: 'STOPPED' } });
    expect((await charge(a.agreementId, a.chargeId!)).status).toBe('CANCELLED');
  });

  it('lists the charges of an agreement, filtered by status', async () => {
    const a = await reserveDraft();
    await h.control('POST', `/agreements/${a.agreementId}/approve`, {});
    const all = await h.vipps('GET', `/recurring/v3/agreements/${a.agreementId}/charges`);
    expect(all.status).toBe(200);
    expect(all.body.map((c: { id: string }) => c.id)).toEqual([a.chargeId]);
    const charged = await h.vipps('GET', `/recurring/v3/agreements/${a.agreementId}/charges?status=CHARGED`);
    expect(charged.body).toEqual([]);
    expect((await h.vipps('GET', '/recurring/v3/agreements/agr_none/charges')).status).toBe(404);
    expect((await h.vipps('GET', `/recurring/v3/agreements/${a.agreementId}/charges/chr-none`)).status).toBe(404);
  });

  it('creates a recurring charge that becomes DUE and is charged on its due date; then refunds', async () => {
    const { agreementId } = await h.draft();
    await h.control('POST', `/agreements/${agreementId}/approve`, {});
    const tooSoon = await h.vipps('POST', `/recurring/v3/agreements/${agreementId}/charges`, {
      body: { amount: 29900, description: 'Desember', transactionType: 'DIRECT_CAPTURE', due: '2026-11-22', retryDays: 2 },
    });
    expectProblemShape(tooSoon, 400, 'charge-due-too-soon');
    const created = await h.vipps('POST', `/recurring/v3/agreements/${agreementId}/charges`, {
      body: { amount: 29900, description: 'Desember', transactionType: 'DIRECT_CAPTURE', due: '2026-12-01', retryDays: 2, orderId: 'kassa-dec-2026' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ chargeId: 'kassa-dec-2026' });
    expect((await charge(agreementId, 'kassa-dec-2026')).status).toBe('DUE');
    h.clock.now = Date.UTC(2026, 11, 1, 8, 0, 0);
    const c = await charge(agreementId, 'kassa-dec-2026');
    expect(c).toMatchObject({ status: 'CHARGED', type: 'RECURRING', due: '2026-12-01T00:00:00Z', retryDays: 2, processingMode: 'MULTIPLE_ATTEMPTS' });
    const refund = await h.vipps('POST', `/recurring/v3/agreements/${agreementId}/charges/kassa-dec-2026/refund`, { body: { amount: 10000, description: 'Feil pris' } });
    expect(refund.status).toBe(204);
    expect(await charge(agreementId, 'kassa-dec-2026')).toMatchObject({ status: 'PARTIALLY_REFUNDED', summary: { captured: 29900, refunded: 10000 } });
    const tooHigh = await h.vipps('POST', `/recurring/v3/agreements/${agreementId}/charges`, {
      body: { amount: 29900 * 5 + 1, description: 'Januar', transactionType: 'DIRECT_CAPTURE', due: '2027-01-01', retryDays: 2 },
    });
    expectProblemShape(tooHigh, 400, 'charge-amount-too-high');
  });

  it('refuses charges on an agreement that is not ACTIVE', async () => {
    const { agreementId } = await h.draft();
    const reply = await h.vipps('POST', `/recurring/v3/agreements/${agreementId}/charges`, {
      body: { amount: 100, description: 'x', transactionType: 'DIRECT_CAPTURE', due: '2026-12-01', retryDays: 0 },
    });
    expectProblemShape(reply, 400, 'charge-creation-failed');
  });
});
