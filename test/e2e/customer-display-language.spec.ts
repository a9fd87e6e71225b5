import { expect, test } from './fixtures';
import { GoodsPage } from './pages/goods-page';
import { keepAndCheck } from './pages/screens';

/**
 * The customer display speaks the shop's language, or the one the customer in front of it picks:
 * a Danish shop, a cashier who works in English, a Finnish customer. The choice is the display's
 * alone, and the next customer is greeted in the shop's language again.
 */
test.use({ kassaEnv: { KASSA_SHOP_COUNTRY: 'DK' } });
// Two windows, several screens with a screenshot and an axe run each, on a shared machine.
test.describe.configure({ timeout: 120_000 });

test('the customer switches the display to Finnish; the till keeps English; the next customer gets Danish', async ({ cashier, control }, testInfo) => {
  const till = cashier.page;
  await till.getByTestId('staff-language').selectOption('en');
  await expect(till.getByTestId('nav-goods')).toHaveText('Sell goods');

  const display = await cashier.openCustomerDisplay();
  const root = display.getByTestId('display-root');
  // The shop's language, not the cashier's.
  await expect(root).toContainText('Velkommen til Kassa Demo Shop');
  await expect(display.getByRole('group', { name: 'Sprog' })).toBeVisible();
  await expect(display.getByTestId('display-language-da')).toHaveAttribute('aria-pressed', 'true');
  await expect(display.locator('html')).toHaveAttribute('lang', 'da');
  await keepAndCheck(display, testInfo, 'display-da-welcome');

  await display.getByTestId('display-language-fi').click();
  await expect(root).toContainText('Tervetuloa: Kassa Demo Shop');
  await expect(display.getByTestId('display-language-fi')).toHaveAttribute('aria-pressed', 'true');
  await expect(display.getByTestId('display-language-da')).toHaveAttribute('aria-pressed', 'false');
  await expect(display.locator('html')).toHaveAttribute('lang', 'fi');
  await expect(display.getByRole('group', { name: 'Kieli' })).toBeVisible();
  // The till is another window: still in the cashier's language.
  await expect(till.getByTestId('nav-goods')).toHaveText('Sell goods');

  const goods = new GoodsPage(till);
  await goods.open();
  await goods.add('kanelsnegl');
  await expect(root).toHaveAttribute('data-phase', 'cart');
  await expect(root).toContainText('Yhteensä');
  // Words in Finnish, money still the shop's: Danish kroner written the Danish way.
  await expect(display.getByTestId('display-total')).toContainText(/32,00\skr\./);
  await keepAndCheck(display, testInfo, 'display-fi-cart');

  await goods.payByPhone('20123456');
  await expect(root).toHaveAttribute('data-phase', 'waiting-push');
  await expect(root).toContainText('MobilePay');
  await keepAndCheck(display, testInfo, 'display-fi-waiting');
  const [{ reference }] = (await control.call('GET', '/payments')).payments;
  await control.call('POST', `/payments/${reference}/approve`, {});
  await expect(root).toHaveAttribute('data-phase', 'paid');
  await expect(root).toContainText('Kiitos — maksettu');
  await keepAndCheck(display, testInfo, 'display-fi-paid');

  // The next customer's cart: the shop's language again.
  await till.getByTestId('new-sale-goods').click();
  await goods.add('caffe-latte');
  await expect(root).toHaveAttribute('data-phase', 'cart');
  await expect(root).toContainText('I alt');
  await expect(display.getByTestId('display-language-da')).toHaveAttribute('aria-pressed', 'true');
  await expect(display.locator('html')).toHaveAttribute('lang', 'da');
});
