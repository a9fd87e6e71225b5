import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../electron/core/db/open-database';
import { DEMO_STAFF, lockDuration } from '../../../electron/core/staff/staff-service';
import type { StaffSession } from '../../../shared/staff';
import { CoreHarness } from '../../support/core-harness';
import { demoPin, signInDemo } from '../../support/demo-staff';

/**
 * Staff at the till: PINs kept as slow hashes, lockout after five wrong ones, every call behind
 * its access rule, a manager's approval for a cashier's refund, idle sign-out, and the journal.
 */
let h: CoreHarness;
afterEach(async () => {
  await h.close();
});

const products = [{ id: 'mug', name: 'Krus', unitPrice: 10000, currency: 'NOK', vatRate: 2500 }];
const invoke = (name: string, body: unknown) => h.invoke(name as never, body as never) as Promise<{ ok: boolean; value?: any; error?: any }>;

async function memberId(role: 'cashier' | 'manager'): Promise<string> {
  const name = DEMO_STAFF.find((m) => m.role === role)!.name;
  return (await h.value('staff.list', {})).find((m) => m.name === name)!.id;
}

function journal(): Array<{ action: string; actor_name: string | null; approver_name: string | null; subject_id: string | null; after_json: string | null }> {
  const db = new BetterSqlite3(join(h.dataDir.path, DATABASE_FILE), { readonly: true });
  try {
    return db.prepare('SELECT action, actor_name, approver_name, subject_id, after_json FROM audit_log ORDER BY seq').all() as never;
  } finally {
    db.close();
  }
}

async function cashSale() {
  await h.control('PUT', '/billing/products', { products });
  await h.value('cart.add', { productId: 'mug' });
  return h.value('payment.cash', { tendered: 10000 });
}

describe('signing in', () => {
  it('training mode seeds a demo cashier and manager, and shows their PINs on the sign-in screen', async () => {
    h = await CoreHarness.start({ signIn: null });
    const session = await h.value('staff.session', {});
    expect(session).toMatchObject({ user: null, setupNeeded: false, demoPins: DEMO_STAFF.map(({ name, role, pin }) => ({ name, role, pin })) });
    expect((await h.value('staff.list', {})).map((m) => m.role).sort()).toEqual(['cashier', 'manager']);
  });

  it('refuses every selling call until someone signs in, and answers the open ones', async () => {
    h = await CoreHarness.start({ signIn: null });
    for (const [name, body] of [['cart.add', { productId: 'mug' }], ['sales.list', {}], ['payment.cash', { tendered: 100 }], ['sync.status', {}]] as const) {
      expect(await invoke(name, body), name).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    }
    expect(await invoke('app.info', {})).toMatchObject({ ok: true });
    expect(await invoke('display.get', {})).toMatchObject({ ok: true });
    await signInDemo(invoke, 'cashier');
    expect(await invoke('sales.list', {})).toMatchObject({ ok: true, value: [] });
  });

  it('keeps PINs only as salted scrypt hashes, and never writes one to the journal or the log', async () => {
    h = await CoreHarness.start({ signIn: null });
    await signInDemo(invoke, 'manager');
    await invoke('staff.signIn', { staffId: await memberId('cashier'), pin: '9999' });
    const db = new BetterSqlite3(join(h.dataDir.path, DATABASE_FILE), { readonly: true });
    const hashes = db.prepare('SELECT pin_hash FROM staff').all() as Array<{ pin_hash: string }>;
    db.close();
    expect(hashes.every((row) => row.pin_hash.startsWith('scrypt$16384$8$1$'))).toBe(true);
    expect(new Set(hashes.map((row) => row.pin_hash.split('$')[4])).size).toBe(2);
    const everything = JSON.stringify(journal()) + h.logger.lines.join('\n');
    for (const pin of [demoPin('manager'), demoPin('cashier'), '9999']) expect(everything).not.toContain(`"${pin}"`);
  });

  it('locks a member after five wrong PINs, for longer each time, and a right PIN afterwards resets it', async () => {
    h = await CoreHarness.start({ signIn: null });
    const cashier = await memberId('cashier');
    const wrong = () => invoke('staff.signIn', { staffId: cashier, pin: '0000' });
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(await wrong()).toMatchObject({ ok: false, error: { code: 'PIN_REFUSED', fields: { pin: `Wrong PIN: ${5 - attempt} left.` } } });
    }
    expect(await wrong()).toMatchObject({ ok: false, error: { code: 'STAFF_LOCKED', message: expect.stringContaining('30 seconds') } });
    // Locked: even the right PIN is refused until the time is up.
    expect(await invoke('staff.signIn', { staffId: cashier, pin: demoPin('cashier') })).toMatchObject({ ok: false, error: { code: 'STAFF_LOCKED' } });
    await h.advance(lockDuration(1));
    for (let attempt = 1; attempt <= 5; attempt++) await wrong();
    expect(await invoke('staff.signIn', { staffId: cashier, pin: demoPin('cashier') })).toMatchObject({ ok: false, error: { code: 'STAFF_LOCKED', message: expect.stringContaining('60 seconds') } });
    await h.advance(lockDuration(2));
    expect(await invoke('staff.signIn', { staffId: cashier, pin: demoPin('cashier') })).toMatchObject({ ok: true, value: { user: { role: 'cashier' } } });
    expect(journal().filter((e) => e.action === 'staff.locked-out')).toHaveLength(2);
    expect(lockDuration(20)).toBe(60 * 60_000);
  });

  it('signs out after the idle time without a call, says so to the till, and journals it', async () => {
    h = await CoreHarness.start({ signIn: null, configure: (config) => ({ ...config, idleSignOutMinutes: 5 }) });
    const sessions: StaffSession[] = [];
    h.core.events.on('staff.changed', (session) => sessions.push(session));
    await signInDemo(invoke, 'cashier');
    await h.advance(4 * 60_000);
    await h.value('cart.get', {});
    await h.advance(4 * 60_000);
    expect((await h.value('staff.session', {})).user).not.toBeNull();
    await h.advance(60_000 + 1);
    expect((await h.value('staff.session', {})).user).toBeNull();
    expect(sessions.at(-1)!.user).toBeNull();
    expect(journal().map((e) => e.action)).toEqual(['staff.signed-in', 'staff.idle-signed-out']);
  });

  it('a real shop starts with no staff: the till asks for the first manager, once', async () => {
    h = await CoreHarness.start({ signIn: null, configure: (config) => ({ ...config, mode: 'test', phonePageUrl: null }) });
    expect(await h.value('staff.session', {})).toMatchObject({ user: null, setupNeeded: true, demoPins: null });
    const session = await h.value('staff.setup', { name: 'Åse Ødegård', pin: '480213' });
    expect(session).toMatchObject({ user: { name: 'Åse Ødegård', role: 'manager' }, setupNeeded: false });
    expect(await invoke('staff.setup', { name: 'Someone else', pin: '1234' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const created = await h.value('staff.create', { name: 'Per', role: 'cashier', pin: '1357' });
    expect(created).toEqual({ id: expect.any(String), name: 'Per', role: 'cashier', language: null });
    expect(journal().map((e) => e.action)).toEqual(['staff.first-manager', 'staff.created']);
  });
});

describe('a member\'s language', () => {
  it('is kept with the member and comes back at their next sign-in', async () => {
    h = await CoreHarness.start({ signIn: 'cashier' });
    const session = await h.value('staff.setLanguage', { language: 'da' });
    expect(session.user).toMatchObject({ name: 'Ola Nordmann', language: 'da' });
    await h.value('staff.signOut', {});
    await signInDemo(invoke, 'manager');
    expect((await h.value('staff.session', {})).user!.language).toBeNull();
    await h.value('staff.signOut', {});
    const again = await signInDemo(invoke, 'cashier');
    expect(again.id).toBe(await memberId('cashier'));
    expect((await h.value('staff.session', {})).user!.language).toBe('da');
    expect(await invoke('staff.setLanguage', { language: 'sv' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('who did it', () => {
  it('every sale records the cashier, in the row, the journal and the report to billing', async () => {
    h = await CoreHarness.start({ signIn: 'cashier' });
    const sale = await cashSale();
    expect(sale.cashier).toEqual({ id: await memberId('cashier'), name: 'Ola Nordmann' });
    expect(journal().find((e) => e.action === 'payment.cash')).toMatchObject({ actor_name: 'Ola Nordmann', subject_id: sale.id });
    await h.advance(0);
    const [report] = (await h.control('GET', '/billing/sales')).sales;
    expect(report.report.cashier).toBe('Ola Nordmann');
  });
});

describe('a manager approves what a cashier may not do alone', () => {
  async function vippsSale() {
    await h.control('PUT', '/billing/products', { products });
    await h.value('cart.add', { productId: 'mug' });
    const sale = await h.value('payment.start', { method: 'push', phone: { country: 'NO', number: '91234567' } });
    await h.control('POST', `/payments/${sale.reference}/approve`, {});
    await h.advance(5_000);
    return sale;
  }

  it('a cashier\'s refund is refused without a manager, then made with the manager\'s PIN and journalled with both names', async () => {
    h = await CoreHarness.start({ signIn: 'cashier' });
    const sale = await vippsSale();
    const requestId = randomUUID();
    expect(await h.invoke('sale.refund', { requestId, saleId: sale.id, amount: 5000 })).toMatchObject({ ok: false, error: { code: 'MANAGER_APPROVAL_NEEDED' } });
    const byCashier = await h.invoke('sale.refund', { requestId, saleId: sale.id, amount: 5000, approval: { staffId: await memberId('cashier'), pin: demoPin('cashier') } });
    expect(byCashier).toMatchObject({ ok: false, error: { code: 'MANAGER_APPROVAL_NEEDED', message: expect.stringContaining('not a manager') } });
    const wrongPin = await h.invoke('sale.refund', { requestId, saleId: sale.id, amount: 5000, approval: { staffId: await memberId('manager'), pin: '0000' } });
    expect(wrongPin).toMatchObject({ ok: false, error: { code: 'PIN_REFUSED', fields: { approval: expect.any(String) } } });
    expect(h.exchanges('POST', `/epayment/v1/payments/${sale.reference}/refund`)).toHaveLength(0);

    const refunded = await h.value('sale.refund', { requestId, saleId: sale.id, amount: 5000, approval: { staffId: await memberId('manager'), pin: demoPin('manager') } });
    expect(refunded.refunds[0]).toMatchObject({ status: 'refunded', cashier: { name: 'Ola Nordmann' }, approvedBy: { name: 'Kari Nordmann' } });
    expect(journal().filter((e) => e.action === 'sale.refund' || e.action.startsWith('approval.'))).toEqual([
      expect.objectContaining({ action: 'approval.refused', actor_name: 'Ola Nordmann', approver_name: 'Ola Nordmann' }),
      expect.objectContaining({ action: 'approval.granted', actor_name: 'Ola Nordmann', approver_name: 'Kari Nordmann' }),
      expect.objectContaining({ action: 'sale.refund', actor_name: 'Ola Nordmann', approver_name: 'Kari Nordmann' }),
    ]);
    await h.advance(0);
    const [report] = (await h.control('GET', '/billing/refunds')).refunds;
    expect(report.report).toMatchObject({ cashier: 'Ola Nordmann', approvedBy: 'Kari Nordmann' });
  });

  it('a signed-in manager refunds without a second PIN', async () => {
    h = await CoreHarness.start({ signIn: 'manager' });
    const sale = await vippsSale();
    const refunded = await h.value('sale.refund', { saleId: sale.id, amount: 5000 });
    expect(refunded.refunds[0]).toMatchObject({ cashier: { name: 'Kari Nordmann' }, approvedBy: { name: 'Kari Nordmann' } });
  });

  it('a cashier cannot add staff', async () => {
    h = await CoreHarness.start({ signIn: 'cashier' });
    expect(await invoke('staff.create', { name: 'Mallory', role: 'manager', pin: '1234' })).toMatchObject({ ok: false, error: { code: 'MANAGER_APPROVAL_NEEDED' } });
    expect((await h.value('staff.list', {})).map((m) => m.name)).not.toContain('Mallory');
  });
});

describe('the journal', () => {
  it('is append-only: SQLite refuses to change or delete an entry', async () => {
    h = await CoreHarness.start({ signIn: 'cashier' });
    await cashSale();
    const db = new BetterSqlite3(join(h.dataDir.path, DATABASE_FILE));
    try {
      expect((db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBeGreaterThan(0);
      expect(() => db.prepare("UPDATE audit_log SET actor_name = 'someone else'").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    } finally {
      db.close();
    }
    // And no module of the core writes UPDATE or DELETE against it.
    const source = readFileSync(join(__dirname, '../../../electron/core/audit/audit-log.ts'), 'utf8');
    expect(source).not.toMatch(/UPDATE audit_log|DELETE FROM audit_log/);
  });
});
