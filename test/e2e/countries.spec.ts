import { expect, test } from './fixtures';
import { GoodsPage } from './pages/goods-page';
import { keepAndCheck } from './pages/screens';

/**
 * A training shop in each country as it really is, selling from its own demo catalogue (the
 * sandbox's, nothing put in by the test): its language, its currency written the local way, the
 * wallet brand its customers know. A goods sale and a subscription sale, each paid by a push to the
 * customer's phone. Every main screen is kept as a screenshot in the test's output folder
 * (test-results/<test>/<language>-<screen>.png) and checked with axe on the way.
 */
const shops = [
  {
    country: 'DK',
    currency: 'DKK',
    language: 'da',
    wallet: 'MobilePay',
    phone: '20123456',
    nav: 'Sælg varer',
    // An electric coffee grinder, scanned, and a cinnamon swirl from the screen: 1.499 + 32 kr.
    goods: { barcode: '5790010000620', scanned: /1\.499,00\skr\./, tile: 'kanelsnegl', tileVat: /25\s%/, total: /1\.531,00\skr\./ },
    plan: { id: 'fitness-basis', price: /299,00\skr\./, initialCharge: /199,00\skr\./ },
  },
  {
    country: 'FI',
    currency: 'EUR',
    language: 'fi',
    wallet: 'MobilePay',
    phone: '0401234567',
    nav: 'Myy tuotteita',
    // An espresso machine, scanned, and a korvapuusti from the screen: 1 499 + 3,90 €.
    goods: { barcode: '6420010000632', scanned: /1\s499,00\s€/, tile: 'korvapuusti', tileVat: /13,5\s%/, total: /1\s502,90\s€/ },
    plan: { id: 'kuntosali-perus', price: /39,90\s€/, initialCharge: /19,90\s€/ },
  },
  {
    country: 'NO',
    currency: 'NOK',
    language: 'nb',
    wallet: 'Vipps',
    phone: '41234567',
    nav: 'Selg varer',
    // Coffee beans, scanned, and a cinnamon bun from the screen: 149 + 39 kr.
    goods: { barcode: '7038010000126', scanned: /149,00\skr/, tile: 'kanelbolle', tileVat: /15\s%/, total: /188,00\skr/ },
    plan: { id: 'treningssenter-basis', price: /449,00\skr/, initialCharge: /199,00\skr/ },
  },
] as const;

for (const shop of shops) {
  const otherWallet = shop.wallet === 'Vipps' ? 'MobilePay' : 'Vipps';

  test.describe(`a shop in ${shop.country}`, () => {
    // The shop's own language: no KASSA_LANGUAGE, so the screens follow the country's locale.
    test.use({ kassaEnv: { KASSA_SHOP_COUNTRY: shop.country } });
    // Each test walks five screens, with a screenshot and an axe run on each, on a shared machine.
    test.describe.configure({ timeout: 180_000 });

    test(`sells goods in ${shop.currency} from its own range, says ${shop.wallet}, and speaks ${shop.language}`, async ({ cashier, control }, testInfo) => {
      const { page } = cashier;
      await expect(page.getByTestId('nav-goods')).toHaveText(shop.nav);
      const goods = new GoodsPage(page);
      await goods.open();
      // The VAT rate written the shop's way too: "13,5 %" in Finland.
      await expect(page.getByTestId(`product-${shop.goods.tile}`)).toContainText(shop.goods.tileVat);
      await keepAndCheck(page, testInfo, `${shop.language}-goods`);

      await goods.scan(shop.goods.barcode);
      await expect(page.getByTestId('cart-total')).toContainText(shop.goods.scanned);
      await goods.add(shop.goods.tile);
      await expect(page.getByTestId('cart-total')).toContainText(shop.goods.total);
      await expect(page.getByTestId('pay-push')).toContainText(shop.wallet);
      await expect(page.getByTestId('pay-push')).not.toContainText(otherWallet);
      await keepAndCheck(page, testInfo, `${shop.language}-cart`);

      await page.getByTestId('pay-push').click();
      await page.getByTestId('payment-phone-input').fill(shop.phone);
      await expect(page.getByTestId('send-payment')).toBeEnabled();
      await keepAndCheck(page, testInfo, `${shop.language}-push-form`);

      await page.getByTestId('send-payment').click();
      await expect(page.getByTestId('payment-waiting')).toContainText(shop.wallet);
      await expect(page.getByTestId('payment-waiting')).not.toContainText(otherWallet);
      await keepAndCheck(page, testInfo, `${shop.language}-payment-waiting`);

      const [{ reference, amount }] = (await control.call('GET', '/payments')).payments;
      expect(amount.currency).toBe(shop.currency);
      await control.call('POST', `/payments/${reference}/approve`, {});
      await expect(page.getByTestId('receipt-total')).toContainText(shop.goods.total);
      await expect(page.getByTestId('receipt')).toContainText(shop.wallet);
      await keepAndCheck(page, testInfo, `${shop.language}-receipt`);
    });

    test(`signs a customer up in ${shop.currency} to a plan from its own catalogue`, async ({ cashier, control }, testInfo) => {
      const { page } = cashier;
      await cashier.openSubscriptions();
      await expect(cashier.plan(shop.plan.id)).toContainText(shop.plan.price);
      await expect(cashier.plan(shop.plan.id)).toContainText(shop.plan.initialCharge);
      await keepAndCheck(page, testInfo, `${shop.language}-plans`);

      await cashier.plan(shop.plan.id).click();
      await page.getByTestId('phone-input').fill(shop.phone);
      await expect(page.getByTestId('send-to-phone')).toBeEnabled();
      await keepAndCheck(page, testInfo, `${shop.language}-sale-form`);

      await page.getByTestId('send-to-phone').click();
      await expect(cashier.waiting).toContainText(shop.wallet);
      await expect(cashier.waiting).not.toContainText(otherWallet);
      await keepAndCheck(page, testInfo, `${shop.language}-subscription-waiting`);

      const [agreement] = await control.agreements();
      await control.call('POST', `/agreements/${agreement!.id}/approve`, {});
      await expect.poll(async () => (await control.agreements())[0]!.status).toBe('ACTIVE');
      await expect(cashier.outcomeTitle).toBeVisible();
      await expect(page.getByTestId('initial-charge')).toBeVisible();
      await keepAndCheck(page, testInfo, `${shop.language}-subscription-approved`);
    });
  });
}
