import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../../../electron/core/db/open-database';
import { CorruptRowError, SubscriptionSaleRepo } from '../../../electron/core/db/repos/subscription-sale-repo';
import { makeTempDir } from '../../support/temp-dir';

let dir: ReturnType<typeof makeTempDir>;
let db: Database;
let repo: SubscriptionSaleRepo;
const plan = { id: 'p', name: 'Plan', currency: 'NOK' as const, pricing: { type: 'LEGACY' as const, amount: 100 }, interval: { unit: 'MONTH' as const, count: 1 }, vatRate: 2500 };
const newSale = (id: string) => ({ id, tillId: 'till-test', createdAt: 1, plan, phone: { country: 'NO' as const, msisdn: '4791234567' }, profileScopes: ['name' as const], keys: { create: `${id}-c`, stop: `${id}-s`, capture: `${id}-k` }, cashier: null });

beforeEach(() => {
  dir = makeTempDir();
  db = openDatabase(dir.path);
  repo = new SubscriptionSaleRepo(db, () => 42);
});
afterEach(() => {
  db.close();
  dir.cleanup();
});

describe('SubscriptionSaleRepo', () => {
  it('stores the idempotency keys with the sale and round-trips every field', () => {
    repo.insert(newSale('a'));
    const updated = repo.update('a', { status: 'pending', agreementId: 'agr_1', problem: { code: 'VIPPS_UNAVAILABLE', message: 'x' }, cancelRequested: true });
    expect(updated).toMatchObject({ status: 'pending', agreementId: 'agr_1', cancelRequested: true, updatedAt: 42, keys: { create: 'a-c', stop: 'a-s', capture: 'a-k' } });
    expect(updated.profileScopes).toEqual(['name']);
  });

  it('gives each sign-up the next receipt number of the till, from the counter goods sales use', () => {
    expect(repo.insert(newSale('a')).receiptNumber).toBe('till-test-000001');
    expect(repo.insert(newSale('b')).receiptNumber).toBe('till-test-000002');
    db.prepare("UPDATE subscription_sales SET receipt_number = NULL WHERE id = 'a'").run();
    expect(repo.get('a')!.receiptNumber).toBeNull();
  });

  it('names a damaged row instead of crashing, and keeps the other sales going', () => {
    repo.insert(newSale('good'));
    repo.insert(newSale('bad'));
    db.prepare("UPDATE subscription_sales SET plan_json = '{\"id\":\"p\",\"name\":\"Plan\",\"currency\":\"NOK\",\"pricing\":{\"type\":\"LEGACY\",\"amount\":1.5}}' WHERE id = 'bad'").run();
    expect(() => repo.get('bad')).toThrow(CorruptRowError);
    expect(() => repo.get('bad')).toThrow(/record of sale bad is damaged.*plan_json/);
    const damaged: string[] = [];
    expect(repo.listOpen((e) => damaged.push(e.rowId)).map((s) => s.id)).toEqual(['good']);
    expect(damaged).toEqual(['bad']);
  });
});

describe('SaleRepo', () => {
  it('returns a new sale exactly as reading it back would', async () => {
    const { SaleRepo } = await import('../../../electron/core/db/repos/sale-repo');
    const sales = new SaleRepo(db, () => 42);
    const line = { productId: 'bun', name: 'Bun', unitPrice: 3900, vatRate: 1500, quantity: 2, total: 7800, vat: 1017 };
    const totals = { currency: 'NOK' as const, total: 7800, vat: 1017, byRate: [{ rate: 1500, base: 6783, vat: 1017, total: 7800 }] };
    for (const cash of [null, { tendered: 10000, change: 2200, rounding: 0 }]) {
      const inserted = sales.insertWithReceiptNumber('till-1', (receiptNumber) => ({
        id: `s-${receiptNumber}`, reference: `kassa-${receiptNumber}`, receiptNumber, createdAt: 7, tender: cash ? 'cash' : 'vipps-qr',
        status: cash ? 'completed' : 'requested', lines: [line], totals, phone: null, keys: { create: `${receiptNumber}-c`, capture: `${receiptNumber}-k`, cancel: `${receiptNumber}-x` }, cash, cashier: null,
      }));
      expect(inserted).toEqual(sales.get(inserted.id));
    }
    expect(sales.get('s-till-1-000002')?.receiptNumber).toBe('till-1-000002');
  });
});
