import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures';
import { seriousViolations } from './pages/axe';
import { GoodsPage } from './pages/goods-page';

/**
 * A shop in each country as it really is: its language, its currency, the wallet brand its
 * customers know. Screenshots of each main screen are kept with the test's results for people to
 * look at (they are not compared pixel by pixel).
 */
const shops = [
  { country: 'DK', currency: 'DKK', language: 'da', wallet: 'MobilePay', phone: '20123456', total: /199,00/, nav: 'Sælg varer' },
  { country: 'FI', currency: 'EUR', language: 'fi', wallet: 'MobilePay', phone: '0401234567', total: /19,90\s€/, nav: 'Myy tuotteita' },
  { country: 'NO', currency: 'NOK', language: 'nb', wallet: 'Vipps', phone: '41234567', total: /199,00/, nav: 'Selg varer' },
] as const;

async function snapshot(page: Page, testInfo: TestInfo, name: string) {
  await testInfo.attach(name, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
  expect(await seriousViolations(page), name).toEqual([]);
}

for (const shop of shops) {
  test.describe(`a shop in ${shop.country}`, () => {
    // The shop's own language: no KASSA_LANGUAGE, so the screens follow the country's locale.
    test.use({ kassaEnv: { KASSA_SHOP_COUNTRY: shop.country } });

    test.beforeEach(async ({ control }) => {
      const price = shop.currency === 'EUR' ? 1990 : 19900;
      await control.call('PUT', '/billing/products', { products: [{ id: 'mug', name: 'Krus', unitPrice: price, currency: shop.currency, vatRate: 2500, barcode: '5701234567892' }] });
      await control.call('PUT', '/billing/plans', {
        plans: [{ id: 'coffee', name: 'Coffee club', currency: shop.currency, pricing: { type: 'LEGACY', amount: price }, interval: { unit: 'MONTH', count: 1 }, vatRate: 2500 }],
      });
    });

    test(`sells goods in ${shop.currency}, says ${shop.wallet}, and speaks ${shop.language}`, async ({ cashier, control }, testInfo) => {
      const { page } = cashier;
      await expect(page.getByTestId('nav-goods')).toHaveText(shop.nav);
      const goods = new GoodsPage(page);
      await goods.open();
      await goods.scan('5701234567892');
      await expect(page.getByTestId('cart-total')).toContainText(shop.total);
      await expect(page.getByTestId('pay-push')).toContainText(shop.wallet);
      await expect(page.getByTestId('pay-push')).not.toContainText(shop.wallet === 'Vipps' ? 'MobilePay' : 'Vipps');
      await snapshot(page, testInfo, `${shop.language}-goods`);

      await goods.payByPhone(shop.phone);
      await expect(page.getByTestId('payment-waiting')).toBeVisible();
      await snapshot(page, testInfo, `${shop.language}-waiting`);
      const [{ reference, amount }] = (await control.call('GET', '/payments')).payments;
      expect(amount.currency).toBe(shop.currency);
      await control.call('POST', `/payments/${reference}/approve`, {});
      await expect(page.getByTestId('receipt-total').or(page.getByTestId('payment-outcome-title')).first()).toBeVisible();
      await snapshot(page, testInfo, `${shop.language}-receipt`);
    });

    test(`signs a customer up in ${shop.currency}`, async ({ cashier, control }, testInfo) => {
      const { page } = cashier;
      await cashier.sellTo('coffee', shop.phone);
      await expect(cashier.waiting).toBeVisible();
      await snapshot(page, testInfo, `${shop.language}-subscription-waiting`);
      const [agreement] = await control.agreements();
      await control.call('POST', `/agreements/${agreement!.id}/approve`, {});
      await expect.poll(async () => (await control.agreements())[0]!.status).toBe('ACTIVE');
      await expect(cashier.outcomeTitle).toBeVisible();
      await snapshot(page, testInfo, `${shop.language}-subscription-approved`);
    });
  });
}
