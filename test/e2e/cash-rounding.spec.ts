import { expect, test } from './fixtures';
import { seriousViolations } from './pages/axe';
import { GoodsPage } from './pages/goods-page';

/**
 * A cash sale of goods in a shop of each country, in its own language: the cash form shows the
 * total, the rounding line and the amount to pay in the country's smallest coin, the receipt and
 * the customer display carry the rounding line, and the billing backend hears of it. Screenshots of
 * the cash form and the receipt are kept with the results for people to look at.
 */
const shops = [
  // Denmark rounds to 50 øre: 10,24 kr. is paid with 10,00.
  { country: 'DK', language: 'da', currency: 'DKK', price: 1024, total: /10,24/, rounding: /[-−]0,24/, due: /10,00/, word: 'Øreafrunding', roundingMinor: -24 },
  // Finland to 5 cents: 10,03 € is paid with 10,05.
  { country: 'FI', language: 'fi', currency: 'EUR', price: 1003, total: /10,03/, rounding: /\+0,02/, due: /10,05/, word: 'Pyöristys', roundingMinor: 2 },
  // Norway to whole kroner: 10,49 kr is paid with 10,00.
  { country: 'NO', language: 'nb', currency: 'NOK', price: 1049, total: /10,49/, rounding: /[-−]0,49/, due: /10,00/, word: 'Øreavrunding', roundingMinor: -49 },
] as const;

for (const shop of shops) {
  test.describe(`cash in a shop in ${shop.country}`, () => {
    test.use({ kassaEnv: { KASSA_SHOP_COUNTRY: shop.country, KASSA_LANGUAGE: shop.language } });

    test.beforeEach(async ({ control }) => {
      await control.call('PUT', '/billing/products', { products: [{ id: 'gum', name: 'Gum', unitPrice: shop.price, currency: shop.currency, vatRate: 2500, barcode: '5701234567892' }] });
    });

    test(`rounds the cash tender in ${shop.currency} and shows the rounding line in ${shop.language}`, async ({ cashier, control }, testInfo) => {
      const { page } = cashier;
      const display = await cashier.openCustomerDisplay();
      const goods = new GoodsPage(page);
      await goods.open();
      await goods.scan('5701234567892');
      await expect(page.getByTestId('cart-total')).toContainText(shop.total);

      await page.getByTestId('pay-cash').click();
      const due = page.getByTestId('cash-due');
      await expect(due).toContainText(shop.word);
      await expect(page.getByTestId('cash-due-total')).toContainText(shop.total);
      await expect(page.getByTestId('cash-due-rounding')).toContainText(shop.rounding);
      await expect(page.getByTestId('cash-due-amount')).toContainText(shop.due);
      await expect(page.getByTestId('cash-exact')).toContainText(shop.due);
      await page.getByTestId('cash-exact').click();
      await expect(page.getByTestId('cash-change')).toContainText('0,00');
      await due.scrollIntoViewIfNeeded();
      await testInfo.attach(`${shop.language}-cash-form`, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
      expect(await seriousViolations(page), 'cash form').toEqual([]);

      await page.getByTestId('cash-confirm').click();
      await expect(page.getByTestId('receipt-total')).toContainText(shop.total);
      await expect(page.getByTestId('receipt-rounding')).toContainText(shop.rounding);
      await expect(page.getByTestId('receipt-paid-cash')).toContainText(shop.due);
      await expect(page.getByTestId('receipt-change')).toContainText('0,00');
      await testInfo.attach(`${shop.language}-cash-receipt`, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });

      await expect(display.getByTestId('display-root')).toHaveAttribute('data-phase', 'paid');
      await expect(display.getByTestId('display-rounding')).toContainText(shop.rounding);
      await testInfo.attach(`${shop.language}-cash-display`, { body: await display.screenshot(), contentType: 'image/png' });

      // Today's sales counts the cash the drawer took: the rounded amount, not the goods' total.
      await page.getByTestId('nav-sales').click();
      await expect(page.getByTestId('sales-summary')).toContainText(shop.due);

      await expect
        .poll(async () => (await control.call('GET', '/billing/sales')).sales.map((s: { report: { tenders: unknown[] } }) => s.report.tenders))
        .toEqual([[expect.objectContaining({ type: 'CASH', amount: shop.price, rounding: shop.roundingMinor })]]);
    });
  });
}
