import { expect, test } from './fixtures';
import { GoodsPage } from './pages/goods-page';

/**
 * The till's API answers only the browser that opened the address Kassa printed (its one-time code
 * becomes an HttpOnly cookie), and the customer display only what a customer may see.
 */

test('the printed address signs the browser in, for reloads and further tabs too', async ({ cashier, kassa, context }) => {
  // The code is spent and gone from the address bar.
  expect(new URL(cashier.page.url()).search).toBe('');
  await cashier.page.reload();
  await expect(cashier.page.getByTestId('training-banner')).toBeVisible();
  const second = await context.newPage();
  await second.goto(kassa.url);
  await expect(second.getByTestId('training-banner')).toBeVisible();
  // Opening the printed address again in the same browser still works.
  await second.goto(kassa.launchUrl);
  await expect(second.getByTestId('training-banner')).toBeVisible();
});

test('another browser gets nothing from the till, not even with the spent address', async ({ cashier, kassa, browser }) => {
  await expect(cashier.page.getByTestId('training-banner')).toBeVisible();
  const stranger = await browser.newContext();
  const page = await stranger.newPage();
  await page.goto(kassa.url);
  await expect(page.getByTestId('startup-error')).toContainText('not signed in');
  const spent = await page.goto(kassa.launchUrl);
  expect(spent?.status()).toBe(401);
  await expect(page.getByRole('heading')).toContainText('already been used');
  await stranger.close();
});

test('the customer display in another browser follows the cart and can read nothing else', async ({ cashier, kassa, browser }) => {
  const address = await cashier.customerDisplayAddress();
  const screen = await browser.newContext();
  const display = await screen.newPage();
  await display.goto(address);
  expect(new URL(display.url()).pathname).toBe('/customer-display');
  await expect(display.getByTestId('display-root')).toHaveAttribute('data-phase', 'idle');

  const goods = new GoodsPage(cashier.page);
  await goods.open();
  await goods.add('kaffe-etiopia-250');
  await expect(display.getByTestId('display-line-kaffe-etiopia-250')).toBeVisible();

  const refused = await display.evaluate(async () => {
    const call = (name: string) => fetch(`/api/invoke/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"limit":10}' });
    return [(await call('sales.list')).status, (await call('cart.clear')).status];
  });
  expect(refused).toEqual([403, 403]);
  await expect(cashier.page.getByTestId('cart-total')).toContainText('149,00');
  await display.goto(kassa.url);
  await expect(display.getByTestId('startup-error')).toContainText('customer display only');
  await screen.close();
});
