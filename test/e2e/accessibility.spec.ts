import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { DATABASE_FILE } from '../../electron/core/db/open-database';
import { expect, test } from './fixtures';
import { CashierPage } from './pages/cashier-page';
import { GoodsPage } from './pages/goods-page';
import { expectAccessible } from './pages/screens';

/**
 * Every screen a cashier or manager meets at the till, walked once per language — English, and
 * Danish in a Danish shop (longer words, another currency, MobilePay) — with axe-core run on each:
 * no serious or critical violation anywhere. One walk per language, each screen reached the way
 * people reach it, the shop's own demo catalogue on sale.
 */
const walks = [
  { language: 'en', env: { KASSA_LANGUAGE: 'en' }, product: 'kanelbolle', plan: 'kaffeklubben-mnd', phone: '41234567' },
  { language: 'da', env: { KASSA_SHOP_COUNTRY: 'DK' }, product: 'kanelsnegl', plan: 'kaffeklubben-maaned', phone: '20123456' },
] as const;

/**
 * Makes the till's one pending report of a sale say something the billing backend refuses (a
 * total its lines do not add up to), so that delivering it leaves a dead letter for the manager.
 */
function spoilPendingReport(dataDir: string): void {
  const db = new BetterSqlite3(join(dataDir, DATABASE_FILE));
  try {
    db.prepare("UPDATE outbox SET payload_json = json_set(payload_json, '$.total', 7) WHERE status = 'pending' AND kind = 'sale'").run();
  } finally {
    db.close();
  }
}

for (const walk of walks) {
  test.describe(`every till screen in ${walk.language}`, () => {
    test.use({ kassaEnv: walk.env });
    // Some twenty screens, each with its own axe run, on a machine shared with other test runs.
    test.describe.configure({ timeout: 300_000 });

    test(`has no serious accessibility problem on any screen (${walk.language})`, async ({ page, kassa, control }) => {
      const check = (screen: string) => expectAccessible(page, `${walk.language}: ${screen}`);
      const cashier = new CashierPage(page, kassa);

      await page.goto(kassa.launchUrl);
      await expect(page.getByTestId('sign-in')).toBeVisible();
      await check('sign-in');
      await page.getByTestId('staff-Kari Nordmann').click();
      await expect(page.getByTestId('pin-input')).toBeVisible();
      await check('sign-in PIN');
      await page.getByTestId('pin-input').fill('2222');
      await page.getByTestId('pin-submit').click();
      await expect(page.getByTestId('training-banner')).toBeVisible();

      await sellGoods(page, walk, control, check);
      await turnTheSaleIntoADeadLetter(page, kassa.dataDir, control);
      await signUp(page, cashier, walk, control, check);
      await refund(page, check);
      await findCustomer(page, walk, check);
      await manage(page, check);
      await page.getByTestId('nav-staff').click();
      await expect(page.getByTestId('staff-screen')).toBeVisible();
      await check('staff');
      await deadLetters(page, check);
    });
  });
}

type Check = (screen: string) => Promise<void>;
type Walk = (typeof walks)[number];

/** Goods, the cart, the cash form, the push form, waiting, the receipt — with billing offline, so the sale waits to be reported. */
async function sellGoods(page: Page, walk: Walk, control: import('./pages/sandbox-control').SandboxControl, check: Check) {
  const goods = new GoodsPage(page);
  await goods.open();
  await expect(page.getByTestId(`product-${walk.product}`)).toBeVisible();
  // Offline only once the catalogue is in: a till that never had it cannot show goods at all.
  await control.call('PUT', '/billing/offline', { offline: true, retryAfterSeconds: 600 });
  await check('goods, empty cart');
  await goods.add(walk.product, 2);
  await expect(page.getByTestId('pay-push')).toBeEnabled();
  await check('cart');
  await page.getByTestId('pay-cash').click();
  await expect(page.getByTestId('cash-confirm')).toBeVisible();
  await check('cash form');
  await page.getByTestId('pay-back').click();
  await page.getByTestId('pay-push').click();
  await page.getByTestId('payment-phone-input').fill(walk.phone);
  await check('push form');
  await page.getByTestId('send-payment').click();
  await expect(page.getByTestId('payment-waiting')).toBeVisible();
  await check('payment waiting');
  const [{ reference }] = (await control.call('GET', '/payments')).payments;
  await control.call('POST', `/payments/${reference}/approve`, {});
  await expect(page.getByTestId('receipt')).toBeVisible();
  await check('receipt');
}

async function turnTheSaleIntoADeadLetter(page: Page, dataDir: string, control: import('./pages/sandbox-control').SandboxControl) {
  spoilPendingReport(dataDir);
  await control.call('PUT', '/billing/offline', { offline: false });
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('sync-dead-letters-badge')).toBeVisible();
}

/** The plan picker, the sale form, waiting for the customer, the outcome. */
async function signUp(page: Page, cashier: CashierPage, walk: Walk, control: import('./pages/sandbox-control').SandboxControl, check: Check) {
  await cashier.openSubscriptions();
  await expect(cashier.plan(walk.plan)).toBeVisible();
  await check('plans');
  await cashier.plan(walk.plan).click();
  await page.getByTestId('phone-input').fill(walk.phone);
  await check('sale form');
  await page.getByTestId('send-to-phone').click();
  await expect(cashier.waiting).toBeVisible();
  await check('subscription waiting');
  const [agreement] = await control.agreements();
  await control.call('POST', `/agreements/${agreement!.id}/approve`, {});
  await expect(cashier.outcomeTitle).toBeVisible();
  await check('subscription outcome');
}

/** Today's sales, one sale's detail with its refund form, the confirmation, the refund made. */
async function refund(page: Page, check: Check) {
  await page.getByTestId('nav-sales').click();
  await expect(page.getByTestId('sales-list')).toBeVisible();
  await check('sales list');
  await page.locator('[data-testid^="sales-row-"]').first().click();
  await expect(page.getByTestId('sale-detail')).toBeVisible();
  await check('sale detail with refund form');
  await page.getByTestId('refund-full').click();
  await page.getByTestId('refund-submit').click();
  await expect(page.getByTestId('refund-confirm')).toBeVisible();
  await check('refund confirmation');
  await page.getByTestId('refund-confirm').click();
  await expect(page.getByTestId('refund-confirm')).toHaveCount(0);
  await expect(page.getByTestId('refund-error')).toHaveCount(0);
  await check('sale detail after the refund');
}

/** The customer search, a subscriber's agreements, one agreement's charges. */
async function findCustomer(page: Page, walk: Walk, check: Check) {
  await page.getByTestId('nav-customers').click();
  await expect(page.getByTestId('customer-phone-input')).toBeVisible();
  await check('customer search');
  await page.getByTestId('customer-phone-input').fill(walk.phone);
  await page.getByTestId('customer-search').click();
  await expect(page.getByTestId('customer-results')).toBeVisible();
  await check('customer found');
  await page.getByTestId('action-charges').first().click();
  await expect(page.getByTestId('charges-panel')).toBeVisible();
  await check('agreement charges');
}

/** The manager's day, entries, closing and journal. */
async function manage(page: Page, check: Check) {
  await page.getByTestId('nav-manager').click();
  await expect(page.getByTestId('manager-screen')).toBeVisible();
  await expect(page.getByTestId('total-gross')).toBeVisible();
  await check('manager: day');
  for (const tab of ['entries', 'close', 'journal'] as const) {
    await page.getByTestId(`manager-tab-${tab}`).click();
    await expect(page.getByTestId(`manager-tab-${tab}`)).toHaveAttribute('aria-current', 'page');
    await check(`manager: ${tab}`);
  }
}

/** The refused report, and the dialog to discard it. */
async function deadLetters(page: Page, check: Check) {
  await page.getByTestId('sync-dead-letters-badge').click();
  const letter = page.locator('[data-testid^="dead-letter-"]').first();
  await expect(letter).toBeVisible();
  await check('dead letters');
  const id = (await letter.getAttribute('data-testid'))!.replace('dead-letter-', '');
  await page.getByTestId(`dead-letter-discard-${id}`).click();
  await expect(page.getByTestId('discard-reason')).toBeVisible();
  await check('discard dialog');
}
