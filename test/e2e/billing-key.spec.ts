import { trainingCredentials } from '../../electron/sandbox/training-credentials';
import { expect, test } from './fixtures';
import { CashierPage } from './pages/cashier-page';

test('a till whose billing API key is refused at start says the key was refused', async ({ page, kassa, control }) => {
  await control.call('PUT', `/billing/keys/${trainingCredentials.billingApiKey}`, { rejected: true });
  const cashier = new CashierPage(page, kassa);
  await cashier.open();
  await page.getByTestId('nav-subscriptions').click();
  const error = page.getByTestId('catalogue-error');
  await expect(error).toContainText("refused this till's API key");
  await expect(error).not.toContainText('unreachable');
});
