import { expect, type Page } from '@playwright/test';

/** The cashier selling goods, by the screen's test ids. */
export class GoodsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-goods').click();
  }

  async scan(barcode: string): Promise<void> {
    const field = this.page.getByTestId('barcode-input');
    await field.fill(barcode);
    await field.press('Enter');
  }

  async add(productId: string, times = 1): Promise<void> {
    for (let i = 0; i < times; i++) await this.page.getByTestId(`product-${productId}`).click();
  }

  async payByPhone(number: string): Promise<void> {
    await this.page.getByTestId('pay-push').click();
    await this.page.getByTestId('payment-phone-input').fill(number);
    await this.page.getByTestId('send-payment').click();
  }

  async payByQr(): Promise<string> {
    await this.page.getByTestId('pay-qr').click();
    const qr = this.page.getByTestId('payment-qr');
    await expect(qr).toBeVisible();
    return (await qr.getAttribute('data-value'))!;
  }

  get outcome() {
    return this.page.getByTestId('payment-outcome-title');
  }

  async cancelPayment(): Promise<void> {
    await this.page.getByTestId('cancel-payment').click();
    await this.page.getByTestId('confirm-cancel-payment').click();
  }
}
