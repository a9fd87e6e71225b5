import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_STAFF } from '../../../electron/core/staff/staff-service';
import { CoreHarness } from '../../support/core-harness';
import { demoPin } from '../../support/demo-staff';

/**
 * A self-service kiosk till: a customer buys with nobody signed in, but reaches only the kiosk's
 * own calls; staff leave the kiosk with a manager's PIN, under the same lockout as signing in.
 */
let h: CoreHarness;
afterEach(async () => {
  await h.close();
});

const kiosk = () => CoreHarness.start({ signIn: null, configure: (config) => ({ ...config, kiosk: true }) });
const invoke = (name: string, body: unknown) => h.invoke(name as never, body as never) as Promise<{ ok: boolean; value?: any; error?: any }>;
const memberId = async (role: 'cashier' | 'manager') => (await h.value('staff.list', {})).find((m) => m.name === DEMO_STAFF.find((d) => d.role === role)!.name)!.id;

describe('a kiosk till', () => {
  it('lets a customer fill a cart and pay with nobody signed in, and records the sale as the kiosk\'s', async () => {
    h = await kiosk();
    expect((await h.value('app.info', {})).kiosk).toBe(true);
    await h.control('PUT', '/billing/products', { products: [{ id: 'mug', name: 'Krus', unitPrice: 19900, currency: 'NOK', vatRate: 2500 }] });
    await h.value('cart.add', { productId: 'mug' });
    const sale = await h.value('payment.start', { method: 'qr' });
    expect(sale.cashier).toEqual({ id: 'kiosk', name: 'Kiosk' });
    expect(await invoke('sale.cancel', { saleId: sale.id })).toMatchObject({ ok: true });
  });

  it('never shows a customer the day\'s sales, refunds, sync or staff', async () => {
    h = await kiosk();
    for (const [name, body] of [['sales.list', {}], ['payment.cash', { tendered: 100 }], ['sync.status', {}], ['sync.deadLetters', {}], ['reports.day', {}], ['staff.create', { name: 'X', role: 'manager', pin: '1234' }]] as const) {
      expect(await invoke(name, body), name).toMatchObject({ ok: false, error: { code: expect.stringMatching(/NOT_SIGNED_IN|VALIDATION/) } });
    }
  });

  it('is left only with a manager\'s PIN, and a cashier\'s or a wrong one counts towards the lockout', async () => {
    h = await kiosk();
    expect(await invoke('kiosk.exit', { staffId: await memberId('cashier'), pin: demoPin('cashier') })).toMatchObject({ ok: false, error: { code: 'MANAGER_APPROVAL_NEEDED' } });
    const manager = await memberId('manager');
    for (let attempt = 1; attempt <= 4; attempt++) expect(await invoke('kiosk.exit', { staffId: manager, pin: '0000' })).toMatchObject({ ok: false, error: { code: 'PIN_REFUSED' } });
    expect(await invoke('kiosk.exit', { staffId: manager, pin: '0000' })).toMatchObject({ ok: false, error: { code: 'STAFF_LOCKED' } });
    expect(await invoke('kiosk.exit', { staffId: manager, pin: demoPin('manager') })).toMatchObject({ ok: false, error: { code: 'STAFF_LOCKED' } });
    await h.advance(30_000);
    const session = await h.value('kiosk.exit', { staffId: manager, pin: demoPin('manager') });
    expect(session.user).toMatchObject({ name: 'Kari Nordmann', role: 'manager' });
    expect(await invoke('sales.list', {})).toMatchObject({ ok: true });
  });

  it('answers the returning-customer check with the state only: no other customer\'s agreements reach the kiosk', async () => {
    h = await kiosk();
    const phone = { country: 'NO' as const, number: '91234567' };
    const sale = await h.value('subscription.start', { planId: 'kaffeklubben-mnd', phone, profileScopes: ['name'] });
    await h.approve(sale.agreementId!);
    await h.advance(5_000);
    await h.waitForStatus(sale.id, 'active');
    await h.advance(0);
    const check = await h.value('customers.check' as never, { phone, planId: 'kaffeklubben-mnd' } as never) as { state: string; agreements: unknown[] };
    expect(check).toEqual({ state: 'same-plan', agreements: [] });
  });

  it('is no kiosk unless the till is set up as one', async () => {
    h = await CoreHarness.start({ signIn: null });
    expect(await invoke('cart.get', {})).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    expect(await invoke('kiosk.exit', { staffId: await memberId('manager'), pin: demoPin('manager') })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});
