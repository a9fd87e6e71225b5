import type { Page, TestInfo } from '@playwright/test';
import { DEMO_STAFF } from '../../electron/core/staff/staff-service';
import { languageNames } from '../../shared/languages';
import { expect, test } from './fixtures';
import type { KassaProcess } from '../support/kassa-process';
import type { CashierPage } from './pages/cashier-page';
import { GoodsPage } from './pages/goods-page';

/**
 * The cashier's screens in the pseudo-locale (renderer/i18n/pseudo.ts: every letter accented, each
 * text ~40 % longer, in brackets), which only a training till opened with `?pseudo-locale` speaks.
 * A screenshot of each screen is kept in test-results/ for a person to look for cut-off text (not
 * compared pixel by pixel); the test fails when any visible text, or any label a screen reader says,
 * is plain: a string that never went through i18next. Data is allowed: names of goods, plans, staff
 * and the shop, amounts, dates, numbers, codes.
 */

const products = [
  { id: 'bun', name: 'Kanelbolle', unitPrice: 3900, currency: 'NOK', vatRate: 1500, barcode: '7038010000034' },
  { id: 'mug', name: 'Krus', unitPrice: 19900, currency: 'NOK', vatRate: 2500 },
];

/** A pseudo-localised text has accented letters, the padding or the brackets. */
const pseudoMark = /[áƀçðéƒĝĥíĵķĺɱñöþǫŕšţüṽŵẋýžÁƁÇÐÉƑĜĤÍĴĶĹṀÑÖÞǪŔŠŢÜṼŴẊÝŽ~[\]]/;

/** Words that are data, not interface: what the shop sells and who works there. */
const dataWords = [
  ...products.map((p) => p.name),
  ...DEMO_STAFF.map((s) => s.name),
  ...Object.values(languageNames),
  'Vipps',
  'MobilePay',
];

/** Every text in a catalogue answer: plan names, descriptions and campaign texts are the shop's data. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

/** Words Intl writes into dates and times (the pseudo-locale formats as English does): data, like the digits. */
function dateWords(): string[] {
  const months = Array.from({ length: 12 }, (_, month) => new Date(Date.UTC(2026, month, 15)));
  const names = months.flatMap((date) => (['short', 'long'] as const).map((month) => new Intl.DateTimeFormat('en', { month, timeZone: 'UTC' }).format(date)));
  const days = Array.from({ length: 7 }, (_, day) => new Intl.DateTimeFormat('en', { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 10, 16 + day))));
  return [...names, ...days, 'AM', 'PM'];
}

/** Plain text left once data is taken out: amounts ("39,00 kr"), dates, numbers, ids and codes are data too. */
function plainWords(text: string, data: string[]): string {
  let rest = text;
  // Longest first, so a campaign text inside a description does not break the description apart.
  for (const word of [...data].sort((a, b) => b.length - a.length)) rest = rest.split(word).join(' ');
  return rest
    .replace(/\b(kr|NOK|DKK|EUR)\b/g, ' ')
    .replace(/\b[\w-]*\d[\w-]*\b/g, ' ')
    .replace(/[^A-Za-z]+/g, ' ')
    .trim();
}

/** Every visible text node and every aria-label/title/placeholder/alt on the page that is plain. */
async function plainTexts(page: Page, data: string[]): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const doc = (globalThis as any).document;
    const found: string[] = [];
    const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent.trim();
      if (text && parent && parent.checkVisibility({ visibilityProperty: true, opacityProperty: true }) && !parent.closest('.visually-hidden, option')) found.push(text);
      // Visually hidden text is for screen readers: it must be translated as well.
      if (text && parent?.closest('.visually-hidden')) found.push(text);
    }
    for (const el of doc.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      if (!el.checkVisibility()) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = el.getAttribute(name);
        if (value) found.push(value);
      }
    }
    return found;
  });
  return texts.filter((text) => !pseudoMark.test(text) && plainWords(text, data) !== '');
}

async function checkScreen(page: Page, testInfo: TestInfo, name: string, data: string[]): Promise<void> {
  // Still frames: a spinning icon or a blinking caret would keep the screenshot waiting for nothing.
  await page.screenshot({ path: testInfo.outputPath(`pseudo-${name}.png`), fullPage: true, animations: 'disabled', caret: 'hide' });
  expect.soft(await plainTexts(page, data), `plain text on the ${name} screen`).toEqual([]);
  // Text 40 % longer must wrap or give way, never push the till wider than its window.
  const pageWidth = await page.evaluate<number>('document.documentElement.scrollWidth');
  expect.soft(pageWidth, `the ${name} screen is wider than the window`).toBeLessThanOrEqual(page.viewportSize()!.width);
}

// Each test walks several screens and keeps a full-page screenshot of each: more work than one flow.
test.slow();

test.beforeEach(async ({ control }) => {
  await control.call('PUT', '/billing/products', { products });
});

/**
 * Opens the signed-in till again in the pseudo-locale (the printed address's code is spent; the
 * browser keeps its session) and answers the data a screen may show as it is.
 */
async function openInPseudoLocale(cashier: CashierPage, kassa: KassaProcess): Promise<string[]> {
  const page = cashier.page;
  const info = (await cashier.api('app.info', {})) as { shop: { name: string }; tillId: string };
  const data = [...dataWords, info.shop.name, info.tillId, ...stringsIn(await cashier.api('catalogue.plans', {})), ...dateWords()];
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${kassa.url}/?pseudo-locale`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-XA');
  await expect(page.getByTestId('signed-in-as')).toBeVisible();
  return data;
}

async function openView(page: Page, view: string): Promise<void> {
  await page.getByTestId(`nav-${view}`).click();
  await expect(page.getByTestId(`nav-${view}`)).toHaveAttribute('aria-current', 'page');
}

test('every text of a sale goes through the pseudo-locale: goods, cash, receipt, today\'s sales, subscriptions', async ({ cashier, kassa }, testInfo) => {
  const page = cashier.page;
  const data = await openInPseudoLocale(cashier, kassa);
  // The check itself finds a hard-coded text and a hard-coded label, so a pass below means something.
  await page.evaluate(() => (globalThis as any).document.body.insertAdjacentHTML('beforeend', '<p id="planted">Hard-coded 12 kr</p><button id="planted-label" aria-label="Close"></button>'));
  expect(await plainTexts(page, data)).toEqual(['Hard-coded 12 kr', 'Close']);
  await page.evaluate(() => (globalThis as any).document.querySelectorAll('#planted, #planted-label').forEach((el: { remove(): void }) => el.remove()));

  const goods = new GoodsPage(page);
  await goods.open();
  await goods.add('bun', 2);
  await goods.add('mug');
  await checkScreen(page, testInfo, 'goods', data);

  await page.getByTestId('pay-cash').click();
  await page.getByTestId('cash-tendered').fill('300');
  await checkScreen(page, testInfo, 'cash', data);
  await page.getByTestId('cash-confirm').click();
  await expect(page.getByTestId('receipt')).toBeVisible();
  await checkScreen(page, testInfo, 'receipt', data);

  await openView(page, 'sales');
  await checkScreen(page, testInfo, 'sales', data);
  await cashier.openSubscriptions();
  await checkScreen(page, testInfo, 'subscriptions', data);
});

test('every text of the back-office screens goes through the pseudo-locale: customers, sync, manager, staff', async ({ cashier, kassa }, testInfo) => {
  const data = await openInPseudoLocale(cashier, kassa);
  for (const view of ['customers', 'sync', 'manager', 'staff'] as const) {
    await openView(cashier.page, view);
    await checkScreen(cashier.page, testInfo, view, data);
  }
});

test('a till opened without the parameter speaks its own language, and the picker never offers the pseudo-locale', async ({ cashier }) => {
  await expect(cashier.page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(cashier.page.getByTestId('staff-language').locator('option')).toHaveText(['Shop’s language', ...Object.values(languageNames)]);
});
