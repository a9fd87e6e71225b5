import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { seriousViolations } from './pages/axe';

/**
 * The self-service kiosk as a customer meets it, alone at a touch screen, and as staff leave it.
 * Time is the page's fake clock: an idle minute passes in an instant.
 */
test.use({ kassaEnv: { KASSA_KIOSK: '1', KASSA_LANGUAGE: 'en' } });

const products = [{ id: 'mug', name: 'Krus', unitPrice: 19900, currency: 'NOK', vatRate: 2500 }];

test.beforeEach(async ({ control }) => {
  await control.call('PUT', '/billing/products', { products });
});

async function openKiosk(page: Page, url: string) {
  await page.clock.install();
  await page.goto(url);
  await expect(page.getByTestId('kiosk')).toHaveAttribute('data-step', 'attract');
}

type Box = { width: number; height: number };
type Element = { outerHTML: string; offsetParent: unknown; getBoundingClientRect(): Box };

/** Every button a finger can hit is at least 44 × 44 CSS pixels. */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const doc = (globalThis as unknown as { document: { querySelectorAll(selector: string): Iterable<Element> } }).document;
    return [...doc.querySelectorAll('button, select, input, a[href]')]
      .filter((el) => el.offsetParent !== null)
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 44 || box.height < 44)
      .map(({ el, box }) => `${el.outerHTML.slice(0, 80)} ${Math.round(box.width)}×${Math.round(box.height)}`);
  });
}

for (const { viewport, language } of [
  { viewport: { width: 1080, height: 1920 }, language: 'nb' },
  { viewport: { width: 1920, height: 1080 }, language: 'en' },
] as const) {
  test(`a customer buys goods alone and pays on the phone (${viewport.width}×${viewport.height}, ${language})`, async ({ page, kassa, control }) => {
    await page.setViewportSize(viewport);
    await openKiosk(page, kassa.launchUrl);
    await page.getByTestId(`kiosk-language-${language}`).click();
    await expect(page.getByTestId('kiosk-start')).toHaveText(language === 'nb' ? 'Trykk for å starte' : 'Tap to start');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
    await expect(page.getByTestId('sync-indicator')).toHaveCount(0);
    await expect(page.getByText(/Training mode/)).toHaveCount(0);

    await page.getByTestId('kiosk-start').click();
    await page.getByTestId('kiosk-tab-goods').click();
    await page.getByTestId('kiosk-product-mug').click();
    await expect(page.getByTestId('kiosk-line-mug')).toContainText('199,00');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
    await page.getByTestId('kiosk-pay').click();

    await page.getByTestId('kiosk-number').fill('41234567');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
    await page.getByTestId('kiosk-send').click();
    await expect(page.getByTestId('kiosk-waiting')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    const [{ reference }] = (await control.call('GET', '/payments')).payments;
    await control.call('POST', `/payments/${reference}/approve`, {});
    await expect(page.getByTestId('kiosk-done')).toHaveAttribute('data-outcome', 'ok');
    await expect(page.getByTestId('kiosk-done-detail')).toContainText('199,00');
    expect(await seriousViolations(page)).toEqual([]);
    // The receipt to keep: a QR of the billing backend's receipt page, which shows the goods once
    // the sale is reported, in the language the customer chose here (whatever the phone prefers).
    const receiptUrl = (await page.getByTestId('kiosk-receipt-qr').getAttribute('data-value'))!;
    expect(receiptUrl).toMatch(new RegExp(`/billing/v1/receipts/[0-9a-f-]{36}\\?lang=${language}$`));
    await expect.poll(async () => (await page.request.get(receiptUrl)).status()).toBe(200);
    const receipt = await page.request.get(receiptUrl, { headers: { 'Accept-Language': 'fi-FI,fi;q=0.9' } });
    expect(receipt.headers()['content-language']).toBe(language);
    const receiptText = await receipt.text();
    expect(receiptText).toContain('1 × Krus');
    expect(receiptText).toContain(language === 'nb' ? 'Totalt' : 'Total');
    expect(receiptText).toMatch(/199,00\s+kr/);
    await page.getByTestId('kiosk-done-button').click();
    await expect(page.getByTestId('kiosk')).toHaveAttribute('data-step', 'attract');
  });
}

test('a customer signs up for a subscription in Norwegian, and the next customer gets the shop\'s language back', async ({ page, kassa }) => {
  await openKiosk(page, kassa.launchUrl);
  await page.getByTestId('kiosk-language-nb').click();
  await expect(page.getByTestId('kiosk-start')).toHaveText('Trykk for å starte');
  await page.getByTestId('kiosk-start').click();
  await expect(page.getByRole('heading', { name: 'Hva vil du ha?' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByTestId('kiosk-plan-kaffeklubben-mnd').click();
  await page.getByTestId('kiosk-number').fill('91234567');
  await page.getByTestId('kiosk-send').click();
  await expect(page.getByTestId('kiosk-waiting')).toBeVisible();
  await expect(page.getByTestId('kiosk-qr')).toBeVisible();
  await expect(page.getByTestId('kiosk-waiting-status')).toContainText('Åpne Vipps på telefonen');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByTestId('kiosk-cancel').click();
  await expect(page.getByTestId('kiosk-done')).toHaveAttribute('data-outcome', 'not');
  await page.getByTestId('kiosk-done-button').click();
  await expect(page.getByTestId('kiosk-start')).toHaveText('Tap to start');
});

test('a customer who walks away is asked, then the kiosk starts over and forgets the number — never while a payment waits', async ({ page, kassa }) => {
  await openKiosk(page, kassa.launchUrl);
  await page.getByTestId('kiosk-start').click();
  await page.getByTestId('kiosk-tab-goods').click();
  await page.getByTestId('kiosk-product-mug').click();
  await page.getByTestId('kiosk-pay').click();
  await page.getByTestId('kiosk-number').fill('41234567');

  await page.clock.runFor(60_000);
  await expect(page.getByTestId('kiosk-idle')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByTestId('kiosk-more-time').click();
  await expect(page.getByTestId('kiosk-idle')).toHaveCount(0);
  await expect(page.getByTestId('kiosk-number')).toHaveValue('41234567');

  await page.clock.runFor(60_000);
  await expect(page.getByTestId('kiosk-idle-seconds')).toContainText('20 seconds');
  await page.clock.runFor(20_000);
  await expect(page.getByTestId('kiosk')).toHaveAttribute('data-step', 'attract');
  expect(await page.content()).not.toContain('41234567');

  // While the customer's phone has the request, the kiosk never resets.
  await page.getByTestId('kiosk-start').click();
  await page.getByTestId('kiosk-tab-goods').click();
  await page.getByTestId('kiosk-product-mug').click();
  await expect(page.getByTestId('kiosk-line-mug')).toContainText('1');
  await page.getByTestId('kiosk-pay').click();
  await page.getByTestId('kiosk-number').fill('41234567');
  await page.getByTestId('kiosk-send').click();
  await expect(page.getByTestId('kiosk-waiting')).toBeVisible();
  await page.clock.runFor(5 * 60_000);
  await expect(page.getByTestId('kiosk-idle')).toHaveCount(0);
  await expect(page.getByTestId('kiosk-waiting')).toBeVisible();
});

test('says so when Vipps MobilePay cannot be reached, and takes no order', async ({ page, kassa, control }) => {
  await openKiosk(page, kassa.launchUrl);
  await page.getByTestId('kiosk-start').click();
  await page.getByTestId('kiosk-tab-goods').click();
  await page.getByTestId('kiosk-product-mug').click();
  await page.getByTestId('kiosk-pay').click();
  await page.getByTestId('kiosk-number').fill('41234567');
  await control.call('POST', '/faults', { kind: 'status', status: 503, method: '*', pathPrefix: '/epayment', count: 50 });
  await control.call('POST', '/faults', { kind: 'status', status: 503, method: '*', pathPrefix: '/accesstoken', count: 50 });
  await page.getByTestId('kiosk-send').click();
  await expect(page.getByTestId('kiosk-vipps-down')).toBeVisible();
  expect((await control.call('GET', '/payments')).payments).toHaveLength(0);
});

test('staff leave only by holding the corner and typing a manager\'s PIN; wrong ones lock', async ({ page, kassa }) => {
  await openKiosk(page, kassa.launchUrl);
  const corner = page.getByTestId('kiosk-staff-corner');
  await corner.click();
  await expect(page.getByTestId('kiosk-exit')).toHaveCount(0);

  const box = (await corner.boundingBox())!;
  await page.mouse.move(box.x + 10, box.y + 10);
  await page.mouse.down();
  await page.clock.runFor(3_000);
  await page.mouse.up();
  const exit = page.getByTestId('kiosk-exit');
  await expect(exit).toBeVisible();
  for (let attempt = 1; attempt <= 5; attempt++) {
    await exit.getByTestId('kiosk-exit-pin-input').fill('0000');
    await exit.getByTestId('kiosk-exit-pin-submit').click();
    await expect(exit.getByTestId('kiosk-exit-pin-error')).toContainText(attempt < 5 ? 'not right' : 'Too many wrong PINs');
  }
  await exit.getByTestId('kiosk-exit-pin-input').fill('2222');
  await exit.getByTestId('kiosk-exit-pin-submit').click();
  await expect(exit.getByTestId('kiosk-exit-pin-error')).toContainText('can try again in');
  await expect(page.getByTestId('signed-in-as')).toHaveCount(0);
});

test('a manager\'s PIN opens the till; signing out goes back to the kiosk', async ({ page, kassa }) => {
  await openKiosk(page, kassa.launchUrl);
  const corner = page.getByTestId('kiosk-staff-corner');
  const box = (await corner.boundingBox())!;
  await page.mouse.move(box.x + 10, box.y + 10);
  await page.mouse.down();
  await page.clock.runFor(3_000);
  await page.mouse.up();
  await page.getByTestId('kiosk-exit-pin-input').fill('2222');
  await page.getByTestId('kiosk-exit-pin-submit').click();
  await expect(page.getByTestId('signed-in-as')).toContainText('Kari Nordmann');
  await expect(page.getByTestId('switch-user')).toHaveText('Back to the kiosk');
  await page.getByTestId('switch-user').click();
  await expect(page.getByTestId('kiosk')).toHaveAttribute('data-step', 'attract');
});

test('a customer who already subscribes to the plan is told so kindly, and no second agreement is made', async ({ page, kassa, control }) => {
  await openKiosk(page, kassa.launchUrl);
  const signUp = async () => {
    await page.getByTestId('kiosk-start').click();
    await page.getByTestId('kiosk-plan-kaffeklubben-mnd').click();
    await page.getByTestId('kiosk-number').fill('91234567');
    await page.getByTestId('kiosk-send').click();
  };
  await signUp();
  await expect(page.getByTestId('kiosk-waiting')).toBeVisible();
  const [agreement] = await control.agreements();
  await control.call('POST', `/agreements/${agreement!.id}/approve`, {});
  await expect(page.getByTestId('kiosk-done')).toHaveAttribute('data-outcome', 'ok');
  await page.getByTestId('kiosk-done-button').click();

  // The billing backend learns of the agreement through the outbox; then the same number comes back.
  await expect.poll(async () => (await control.call('GET', '/billing/agreements')).agreements.length).toBe(1);
  await signUp();
  await expect(page.getByTestId('kiosk-returning')).toHaveAttribute('data-state', 'same-plan');
  expect(await seriousViolations(page)).toEqual([]);
  expect(await control.agreements()).toHaveLength(1);
});
