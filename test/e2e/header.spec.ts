import { expect, test } from './fixtures';
import { CashierPage } from './pages/cashier-page';

/**
 * The header's sync status answers after the tabs are drawn, and changes length later (after a
 * reconnect, on every report). The tabs must not move when it does: a tab that moves between mouse
 * down and up loses the click, which is how a switch to Subscriptions was once lost.
 */
test('the tabs stay where they are when the sync status arrives', async ({ page, kassa }) => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/invoke/sync.status', async (route) => {
    await held;
    await route.continue();
  });
  await new CashierPage(page, kassa).open();
  const tab = page.getByTestId('nav-subscriptions');
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'unknown');
  const before = await tab.boundingBox();

  release();
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'online');
  expect(await tab.boundingBox()).toEqual(before);
});
