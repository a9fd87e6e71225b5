import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { DATABASE_FILE } from '../../electron/core/db/open-database';
import { trainingCredentials } from '../../electron/sandbox/training-credentials';
import { expect, test } from './fixtures';
import { GoodsPage } from './pages/goods-page';

const products = [{ id: 'bun', name: 'Kanelbolle', unitPrice: 3900, currency: 'NOK', vatRate: 1500, barcode: '7038010000034' }];

test.beforeEach(async ({ control }) => {
  await control.call('PUT', '/billing/products', { products });
});

async function sellForCash(page: import('@playwright/test').Page): Promise<void> {
  const goods = new GoodsPage(page);
  await goods.open();
  await goods.add('bun');
  await page.getByTestId('pay-cash').click();
  await page.getByTestId('cash-tendered').fill('100');
  await page.getByTestId('cash-confirm').click();
  await expect(page.getByTestId('receipt')).toBeVisible();
}

test('an unreachable billing backend keeps the sale, says so, and Sync now sends it when it is back', async ({ cashier, control }) => {
  await expect(cashier.page.getByTestId('sync-status')).toHaveAttribute('data-state', 'online');
  // The catalogue is on the till before the outage.
  await new GoodsPage(cashier.page).open();
  await expect(cashier.page.getByTestId('product-bun')).toBeVisible();
  await control.call('PUT', '/billing/offline', { offline: true, retryAfterSeconds: 600 });
  await sellForCash(cashier.page);
  await expect(cashier.page.getByTestId('sync-offline-bar')).toBeVisible();
  await expect(cashier.page.getByTestId('sync-waiting')).toContainText('1');
  await control.call('PUT', '/billing/offline', { offline: false });
  await cashier.page.getByTestId('sync-now').click();
  await expect(cashier.page.getByTestId('sync-status')).toHaveAttribute('data-state', 'online');
  await expect(cashier.page.getByTestId('sync-offline-bar')).toHaveCount(0);
  expect((await control.call('GET', '/billing/sales')).sales).toHaveLength(1);
});

test('a refused API key pauses delivery with a clear message', async ({ cashier, control }) => {
  // The catalogue is on the till before the key is revoked.
  await new GoodsPage(cashier.page).open();
  await expect(cashier.page.getByTestId('product-bun')).toBeVisible();
  await control.call('PUT', `/billing/keys/${trainingCredentials.billingApiKey}`, { rejected: true });
  await sellForCash(cashier.page);
  await expect(cashier.page.getByTestId('sync-paused-bar')).toContainText(/API key/);
  await control.call('PUT', `/billing/keys/${trainingCredentials.billingApiKey}`, { rejected: false });
  await cashier.page.getByTestId('sync-now').click();
  await expect(cashier.page.getByTestId('sync-status')).toHaveAttribute('data-state', 'online');
});

test('a refused report becomes a dead letter a manager can discard with a reason', async ({ cashier, control, kassa }) => {
  await new GoodsPage(cashier.page).open();
  await expect(cashier.page.getByTestId('product-bun')).toBeVisible();
  await control.call('PUT', '/billing/offline', { offline: true, retryAfterSeconds: 600 });
  await sellForCash(cashier.page);
  const db = new BetterSqlite3(join(kassa.dataDir, DATABASE_FILE));
  db.prepare("UPDATE outbox SET payload_json = json_set(payload_json, '$.total', 1) WHERE status = 'pending'").run();
  db.close();
  await control.call('PUT', '/billing/offline', { offline: false });
  await cashier.page.getByTestId('sync-now').click();
  await cashier.page.getByTestId('sync-dead-letters-badge').click();
  const letter = cashier.page.locator('li[data-testid^="dead-letter-"]').first();
  // Why, in words, from the backend's problem type (422: the figures are not accepted), and where.
  await expect(letter).toContainText('did not accept what it says');
  const id = (await letter.getAttribute('data-testid'))!.replace('dead-letter-', '');
  // What the report says, from the core's data in the screen's words: the sale and its (edited) total of 1 minor unit.
  await expect(letter.locator('.dead-letter-summary')).toHaveText(/^Sale \S+, .*0[.,]01/);
  await expect(cashier.page.getByTestId(`dead-letter-fields-${id}`)).toContainText(/Fields the billing backend named: .*total/);
  await cashier.page.getByTestId(`dead-letter-discard-${id}`).click();
  await cashier.page.getByTestId('discard-reason').fill('Entered by hand in the back office');
  await cashier.page.getByTestId('discard-confirm').click();
  await expect(cashier.page.getByTestId('no-dead-letters')).toBeVisible();
});

test('Vipps MobilePay unreachable is said before anything is sent, and cash still works', async ({ cashier, control }) => {
  await control.call('POST', '/faults', { kind: 'drop', pathPrefix: '/epayment', count: 100 });
  const goods = new GoodsPage(cashier.page);
  await goods.open();
  await goods.add('bun');
  await cashier.page.getByTestId('pay-push').click();
  await expect(cashier.page.getByTestId('vipps-unreachable')).toBeVisible();
  expect((await control.call('GET', '/payments')).payments).toEqual([]);
  await cashier.page.getByTestId('vipps-take-cash').click();
  await cashier.page.getByTestId('cash-tendered').fill('50');
  await cashier.page.getByTestId('cash-confirm').click();
  await expect(cashier.page.getByTestId('receipt')).toBeVisible();
  await control.call('DELETE', '/faults');
  const display = await cashier.openCustomerDisplay();
  await expect(display.getByTestId('sync-status')).toHaveCount(0);
});
