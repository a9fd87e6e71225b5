import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectEpaymentProblem, MINUTE, startSandbox, type Harness } from './harness';

const nok = (value: number) => ({ currency: 'NOK', value });
const aggregate = (authorized: number, cancelled: number, captured: number, refunded: number) => ({
  authorizedAmount: nok(authorized),
  cancelledAmount: nok(cancelled),
  capturedAmount: nok(captured),
  refundedAmount: nok(refunded),
});

describe('ePayment: states, aggregates and the event log', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startSandbox();
  });
  afterEach(() => h.close());

  const get = (reference: string) => h.epayment('GET', `/epayment/v1/payments/${reference}`);
  const events = async (reference: string) => (await h.epayment('GET', `/epayment/v1/payments/${reference}/events`)).body as any[];
  const capture = (reference: string, value: number, key?: string) => h.epayment('POST', `/epayment/v1/payments/${reference}/capture`, { body: { modificationAmount: nok(value) }, ...(key ? { idempotencyKey: key } : {}) });
  const refund = (reference: string, value: number, key?: string) => h.epayment('POST', `/epayment/v1/payments/${reference}/refund`, { body: { modificationAmount: nok(value) }, ...(key ? { idempotencyKey: key } : {}) });
  const cancel = (reference: string, body?: unknown, key?: string | null) => h.epayment('POST', `/epayment/v1/payments/${reference}/cancel`, { ...(body !== undefined ? { body } : {}), ...(key !== undefined ? { idempotencyKey: key } : {}) });
  const approve = (reference: string, body: unknown = {}) => h.control('POST', `/payments/${reference}/approve`, body);

  it('a new payment is CREATED with nothing authorized, and GET has the spec\'s fields', async () => {
    const { reference } = await h.createPayment();
    const reply = await get(reference);
    expect(reply.body).toEqual({
      aggregate: aggregate(0, 0, 0, 0),
      amount: nok(11800),
      state: 'CREATED',
      paymentMethod: { type: 'WALLET' },
      profile: {},
      pspReference: expect.stringMatching(/^[0-9a-f-]{36}$/),
      reference,
    });
  });

  it('approve → AUTHORIZED; partial capture, the rest, partial and repeated refunds, 6150 past the captured amount', async () => {
    const { reference } = await h.createPayment();
    const approved = await approve(reference);
    expect(approved.body).toMatchObject({ reference, state: 'AUTHORIZED', outcome: 'approved', declined: null });
    expect((await get(reference)).body).toMatchObject({ state: 'AUTHORIZED', aggregate: aggregate(11800, 0, 0, 0) });

    const partial = await capture(reference, 3900);
    expect(partial.status).toBe(200);
    expect(partial.headers.get('content-type')).toMatch(/^application\/json/);
    expect(partial.body).toEqual({ amount: nok(11800), state: 'AUTHORIZED', aggregate: aggregate(11800, 0, 3900, 0), pspReference: (await get(reference)).body.pspReference, reference });

    expectEpaymentProblem(await capture(reference, 7901), 400, 6090);
    expect((await capture(reference, 7900)).body.aggregate).toEqual(aggregate(11800, 0, 11800, 0));
    expectEpaymentProblem(await capture(reference, 1), 400, 6090);

    expect((await refund(reference, 4000)).body.aggregate).toEqual(aggregate(11800, 0, 11800, 4000));
    expect((await refund(reference, 3900)).body.aggregate).toEqual(aggregate(11800, 0, 11800, 7900));
    const tooMuch = await refund(reference, 3901);
    expectEpaymentProblem(tooMuch, 400, 6150);
    expect(tooMuch.body.title).toBe('Not enough refundable');
    expect((await refund(reference, 3900)).body.aggregate).toEqual(aggregate(11800, 0, 11800, 11800));
    expect((await get(reference)).body.state).toBe('AUTHORIZED');
  });

  it('refund before any capture is 6150; capture and refund before authorization are 6080 and 6020', async () => {
    const { reference } = await h.createPayment();
    const early = await capture(reference, 100);
    expectEpaymentProblem(early, 400, 6080);
    expect(early.body.title).toBe('Cannot capture before reservation');
    expect(early.body.instance).toBe(`/v1/payments/${reference}/capture`);
    expectEpaymentProblem(await refund(reference, 100), 400, 6020);
    await approve(reference);
    expectEpaymentProblem(await refund(reference, 100), 400, 6150);
  });

  it('validates modification amounts: currency of the payment, integer, more than zero', async () => {
    const { reference } = await h.createPayment();
    await approve(reference);
    expectEpaymentProblem(await h.epayment('POST', `/epayment/v1/payments/${reference}/capture`, { body: { modificationAmount: { currency: 'EUR', value: 100 } } }), 400, null);
    expectEpaymentProblem(await h.epayment('POST', `/epayment/v1/payments/${reference}/capture`, { body: {} }), 400, null);
    expectEpaymentProblem(await capture(reference, 0), 400, null);
    expectEpaymentProblem(await capture(reference, 10.5), 400, 4040);
    expectEpaymentProblem(await h.epayment('POST', '/epayment/v1/payments/kassa-sale-0001/capture', { body: { modificationAmount: nok(100) } }), 404, 5090);
  });

  it('cancel before authorization → TERMINATED, cancelledAmount = the full amount, authorizedAmount 0', async () => {
    const { reference } = await h.createPayment();
    const reply = await cancel(reference);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ state: 'TERMINATED', amount: nok(11800), aggregate: aggregate(0, 11800, 0, 0) });
    expectEpaymentProblem(await capture(reference, 100), 400, 6070);
    // The customer can no longer answer.
    expect((await approve(reference)).status).toBe(409);
    // A retried cancel (new key) is harmless.
    expect((await cancel(reference)).body).toMatchObject({ state: 'TERMINATED', aggregate: aggregate(0, 11800, 0, 0) });
    expect((await events(reference)).map((e) => e.name)).toEqual(['CREATED', 'TERMINATED']);
  });

  it('cancel after authorization releases the reservation; the state stays AUTHORIZED', async () => {
    const { reference } = await h.createPayment();
    await approve(reference);
    const reply = await cancel(reference, {});
    expect(reply.body).toMatchObject({ state: 'AUTHORIZED', aggregate: aggregate(11800, 11800, 0, 0) });
    expectEpaymentProblem(await capture(reference, 100), 400, 6070);
  });

  it('cancel after a partial capture releases the rest; a fully captured payment cannot be cancelled (6040)', async () => {
    const { reference } = await h.createPayment();
    await approve(reference);
    await capture(reference, 2500);
    expect((await cancel(reference)).body.aggregate).toEqual(aggregate(11800, 9300, 2500, 0));
    expectEpaymentProblem(await capture(reference, 100), 400, 6070);
    expect((await refund(reference, 2500)).body.aggregate).toEqual(aggregate(11800, 9300, 2500, 2500));

    const other = await h.createPayment();
    await approve(other.reference);
    await capture(other.reference, 11800);
    expectEpaymentProblem(await cancel(other.reference), 400, 6040);
  });

  it('cancelTransactionOnly: terminates a CREATED payment, refuses an AUTHORIZED one (6060)', async () => {
    const created = await h.createPayment();
    expect((await cancel(created.reference, { cancelTransactionOnly: true })).body.state).toBe('TERMINATED');
    const authorized = await h.createPayment();
    await approve(authorized.reference);
    expectEpaymentProblem(await cancel(authorized.reference, { cancelTransactionOnly: true }), 400, 6060);
    expect((await get(authorized.reference)).body.aggregate).toEqual(aggregate(11800, 0, 0, 0));
  });

  it('expires after 10 minutes on the sandbox clock, computed when next read', async () => {
    const { reference } = await h.createPayment();
    h.clock.now += 10 * MINUTE - 1;
    expect((await get(reference)).body.state).toBe('CREATED');
    h.clock.now += 1;
    expect((await get(reference)).body).toMatchObject({ state: 'EXPIRED', aggregate: aggregate(0, 0, 0, 0) });
    const log = await events(reference);
    expect(log.map((e) => e.name)).toEqual(['CREATED', 'EXPIRED']);
    expect(Date.parse(log[1].timestamp)).toBe(Date.parse(log[0].timestamp) + 10 * MINUTE);
    expect((await approve(reference)).status).toBe(409);
    expectEpaymentProblem(await capture(reference, 100), 400, 6200);
    expectEpaymentProblem(await cancel(reference), 400, 6190);
  });

  it('the customer rejects → ABORTED', async () => {
    const { reference } = await h.createPayment();
    const reply = await h.control('POST', `/payments/${reference}/reject`, {});
    expect(reply.body).toMatchObject({ state: 'ABORTED', outcome: 'rejected' });
    expect((await get(reference)).body).toMatchObject({ state: 'ABORTED', aggregate: aggregate(0, 0, 0, 0) });
    expect((await events(reference)).map((e) => e.name)).toEqual(['CREATED', 'ABORTED']);
  });

  it('a push can only be answered on the phone it went to', async () => {
    const { reference } = await h.createPayment();
    expect((await approve(reference, { phoneNumber: '4798765432' })).status).toBe(409);
    expect((await approve(reference, { phoneNumber: '4791234567' })).body.state).toBe('AUTHORIZED');
  });

  it('logs every event with its own pspReference, amount, timestamp, idempotency key and success', async () => {
    const { reference } = await h.createPayment({}, { idempotencyKey: 'create-1' });
    h.clock.now += 5000;
    await approve(reference);
    h.clock.now += 5000;
    await capture(reference, 3900, 'capture-1');
    await refund(reference, 1000, 'refund-1');
    await cancel(reference, undefined, null);
    const log = await events(reference);
    expect(log.map((e) => [e.name, e.amount.value, e.idempotencyKey ?? null, e.success])).toEqual([
      ['CREATED', 11800, 'create-1', true],
      ['AUTHORIZED', 11800, 'create-1', true],
      ['CAPTURED', 3900, 'capture-1', true],
      ['REFUNDED', 1000, 'refund-1', true],
      ['CANCELLED', 7900, null, true],
    ]);
    for (const event of log) {
      expect(event.reference).toBe(reference);
      expect(event.amount.currency).toBe('NOK');
      expect(event.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    }
    expect(new Set(log.map((e) => e.pspReference)).size).toBe(log.length);
    expect(log[0].pspReference).toBe((await get(reference)).body.pspReference);
    expect(Date.parse(log[1].timestamp) - Date.parse(log[0].timestamp)).toBe(5000);
    // A keyless cancel leaves the key out, as in the docs' example.
    expect(log[4]).not.toHaveProperty('idempotencyKey');
  });

  it('force approve (test endpoint) → 200 without a body, by phone number or by the redirectUrl token', async () => {
    const push = await h.createPayment();
    const forced = await h.epayment('POST', `/epayment/v1/test/payments/${push.reference}/approve`, { body: { customer: { phoneNumber: '4791234567' } } });
    expect(forced.status).toBe(200);
    expect(forced.text).toBe('');
    expect((await get(push.reference)).body.state).toBe('AUTHORIZED');
    expectEpaymentProblem(await h.epayment('POST', `/epayment/v1/test/payments/${push.reference}/approve`, { body: { customer: { phoneNumber: '4791234567' } } }), 400, 10010);

    const qr = await h.createPayment({ userFlow: 'QR', customer: undefined, qrFormat: { format: 'TEXT/TARGETURL' } });
    const token = new URL(qr.reply.body.redirectUrl).pathname.split('/').pop();
    expectEpaymentProblem(await h.epayment('POST', `/epayment/v1/test/payments/${qr.reference}/approve`, { body: { token: 'not-it' } }), 400, 10010);
    expect((await h.epayment('POST', `/epayment/v1/test/payments/${qr.reference}/approve`, { body: { token } })).status).toBe(200);
    expect((await h.control('GET', `/payments/${qr.reference}`)).body).toMatchObject({ state: 'AUTHORIZED', customerPhone: '4791234567', outcome: 'force-approved' });
    expectEpaymentProblem(await h.epayment('POST', `/epayment/v1/test/payments/${qr.reference}/approve`, { body: {} }), 400, null);
  });

  it('profile sharing: sub once AUTHORIZED, and userinfo serves the consented claims', async () => {
    const { reference } = await h.createPayment({ profile: { scope: 'name phoneNumber' } });
    expect((await get(reference)).body.profile).toEqual({});
    await approve(reference);
    const sub = (await get(reference)).body.profile.sub;
    expect(sub).toMatch(/^[0-9a-f-]{36}$/);
    const info = await h.raw('GET', `/vipps-userinfo-api/userinfo/${sub}`, { headers: { Authorization: `Bearer ${await h.token()}` } });
    expect(info.body).toMatchObject({ sub, name: 'Kari Nordmann', phone_number: '4791234567' });
  });

  describe('test amounts', () => {
    it.each([
      [151, 'Insufficient funds'],
      [182, 'Refused by issuer'],
      [183, 'Suspected fraud'],
      [184, 'Withdrawal limit exceeded'],
      [186, 'Expired card'],
      [187, 'Invalid card'],
      [197, '3-D Secure denied'],
    ])('%i: the card declines; the payment stays CREATED (the customer may give up → ABORTED)', async (amount, reason) => {
      const { reference } = await h.createPayment({ amount: nok(amount), receipt: undefined });
      const reply = await approve(reference);
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ state: 'CREATED', outcome: 'declined', declined: reason });
      expect((await get(reference)).body).toMatchObject({ state: 'CREATED', aggregate: aggregate(0, 0, 0, 0) });
      const log = await events(reference);
      expect(log.map((e) => [e.name, e.success])).toEqual([
        ['CREATED', true],
        ['AUTHORIZED', false],
      ]);
      expect((await h.control('POST', `/payments/${reference}/reject`, {})).body.state).toBe('ABORTED');
    });

    it('force approve is not subject to test amounts (as documented)', async () => {
      const { reference } = await h.createPayment({ amount: nok(151), receipt: undefined });
      expect((await h.epayment('POST', `/epayment/v1/test/payments/${reference}/approve`, { body: { customer: { phoneNumber: '4791234567' } } })).status).toBe(200);
      expect((await get(reference)).body.state).toBe('AUTHORIZED');
    });

    it('a declined payment still expires after 10 minutes', async () => {
      const { reference } = await h.createPayment({ amount: nok(186), receipt: undefined });
      await approve(reference);
      h.clock.now += 10 * MINUTE;
      expect((await get(reference)).body.state).toBe('EXPIRED');
    });

    it('refunds of 123 and 124 fail (5100, 6220) and are logged as unsuccessful; the refundable amount is untouched', async () => {
      const { reference } = await h.createPayment();
      await approve(reference);
      await capture(reference, 11800);
      expectEpaymentProblem(await refund(reference, 123), 400, 5100);
      const expired = await refund(reference, 124);
      expectEpaymentProblem(expired, 400, 6220);
      expect(expired.body.title).toBe('Refund period expired');
      expect((await get(reference)).body.aggregate).toEqual(aggregate(11800, 0, 11800, 0));
      expect((await events(reference)).filter((e) => e.name === 'REFUNDED').map((e) => [e.amount.value, e.success])).toEqual([
        [123, false],
        [124, false],
      ]);
      expect((await refund(reference, 125)).status).toBe(200);
    });
  });

  describe('control API', () => {
    it('lists payments newest first with aggregate, events, receipt and target URL; filters by state and phone', async () => {
      const first = await h.createPayment();
      h.clock.now += 1000;
      const second = await h.createPayment({ userFlow: 'QR', customer: undefined });
      await approve(first.reference);
      const all = (await h.control('GET', '/payments')).body.payments as any[];
      expect(all.map((p) => p.reference)).toEqual([second.reference, first.reference]);
      expect(all[1]).toMatchObject({
        msn: '123456',
        state: 'AUTHORIZED',
        userFlow: 'PUSH_MESSAGE',
        phoneNumber: '4791234567',
        customerPhone: '4791234567',
        customerInteraction: 'CUSTOMER_PRESENT',
        aggregate: aggregate(11800, 0, 0, 0),
        receiptWarnings: [],
        expiresAt: null,
      });
      expect(all[1].events.map((e: any) => e.name)).toEqual(['CREATED', 'AUTHORIZED']);
      expect(all[1].receipt.orderLines).toHaveLength(2);
      expect(all[0]).toMatchObject({ state: 'CREATED', qrFormat: 'IMAGE/SVG+XML', targetUrl: expect.stringContaining('/phone/payments/') });
      expect((await h.control('GET', '/payments?state=CREATED')).body.payments.map((p: any) => p.reference)).toEqual([second.reference]);
      expect((await h.control('GET', '/payments?phone=4791234567')).body.payments.map((p: any) => p.reference)).toEqual([first.reference]);
      expect((await h.control('GET', '/payments/kassa-none-0001')).status).toBe(404);
      expect((await h.control('POST', '/payments/kassa-none-0001/approve', {})).status).toBe(404);
    });

    it('reports a receipt that does not add up, without refusing the payment', async () => {
      const { reference } = await h.createPayment({ amount: nok(12000) });
      const payment = (await h.control('GET', `/payments/${reference}`)).body;
      expect(payment.receiptWarnings).toEqual(['The order lines add up to 11800, but the payment is for 12000']);
    });

    it('forgets payments on reset', async () => {
      const { reference } = await h.createPayment();
      await h.control('POST', '/reset');
      expect((await h.control('GET', '/payments')).body.payments).toEqual([]);
      expectEpaymentProblem(await get(reference), 404, 5090);
    });
  });
});
