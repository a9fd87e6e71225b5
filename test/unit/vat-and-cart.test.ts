import { describe, expect, it } from 'vitest';
import { formatVatRate, vatIncluded } from '../../shared/vat';
import { cartOf, lineFor } from '../../electron/core/sales/cart-math';
import { buildPaymentRequest, paymentDescription, paymentReference } from '../../electron/core/sales/build-payment-request';
import type { Sale } from '../../shared/sale';

describe('vatIncluded', () => {
  it.each([
    [12500, 2500, 2500], // 125.00 incl. 25 % has 25.00 VAT
    [100, 2500, 20],
    [4990, 1500, 651], // 49.90 at 15 %: 650.87 øre -> 651
    [1000, 1200, 107], // 10.00 at 12 %: 107.14 -> 107
    [3, 2500, 1], // 0.6 rounds up
    [2, 2500, 0], // 0.4 rounds down
    [999, 0, 0],
    [-12500, 2500, -2500],
  ])('%i at %i bp contains %i', (total, rate, vat) => {
    expect(vatIncluded(total, rate)).toBe(vat);
  });

  it('refuses fractions of a minor unit', () => {
    expect(() => vatIncluded(10.5, 2500)).toThrow(/whole minor units/);
  });

  it('formats rates', () => {
    expect([2500, 1500, 0, 1250].map(formatVatRate)).toEqual(['25 %', '15 %', '0 %', '12.5 %']);
  });
});

const mug = { id: 'mug', name: 'Mug', unitPrice: 14900, currency: 'NOK' as const, vatRate: 2500 };
const bun = { id: 'bun', name: 'Cinnamon bun', unitPrice: 3900, currency: 'NOK' as const, vatRate: 1500 };

describe('cart totals', () => {
  it('sums lines and VAT per rate, highest rate first, so the summary equals the lines', () => {
    const cart = cartOf([lineFor(bun, 3), lineFor(mug, 2)], 'NOK');
    expect(cart.totals).toEqual({
      currency: 'NOK',
      total: 3 * 3900 + 2 * 14900,
      vat: 5960 + 1526,
      byRate: [
        { rate: 2500, total: 29800, vat: 5960, base: 23840 },
        { rate: 1500, total: 11700, vat: 1526, base: 10174 },
      ],
    });
  });

  it('is empty with zero totals', () => {
    expect(cartOf([], 'EUR').totals).toEqual({ currency: 'EUR', total: 0, vat: 0, byRate: [] });
  });
});

describe('the ePayment request for a sale', () => {
  const cart = cartOf([lineFor(mug, 2), lineFor(bun, 1)], 'NOK');
  const sale = {
    id: 's', reference: 'kassa-till-1-000001-ab12cd34', receiptNumber: 'till-1-000001', tender: 'vipps-push', lines: cart.lines, totals: cart.totals,
    phone: { country: 'NO', msisdn: '4791234567' },
  } as unknown as Sale;

  it('carries the receipt with VAT per line and the till in the bottom line', () => {
    const body = buildPaymentRequest(sale, { tillId: 'till-1', shopName: 'Kaffebaren' });
    expect(body).toMatchObject({
      amount: { currency: 'NOK', value: 33700 },
      userFlow: 'PUSH_MESSAGE',
      customer: { phoneNumber: '4791234567' },
      customerInteraction: 'CUSTOMER_PRESENT',
      paymentMethod: { type: 'WALLET' },
      paymentDescription: 'Kaffebaren – receipt till-1-000001',
      receipt: { bottomLine: { currency: 'NOK', posId: 'till-1', receiptNumber: 'till-1-000001', totalAmount: 33700, totalTax: 5960 + 509 } },
    });
    expect(body.receipt.orderLines[0]).toEqual({
      name: 'Mug', id: 'mug', totalAmount: 29800, totalAmountExcludingTax: 23840, totalTaxAmount: 5960, taxRate: 2500,
      unitInfo: { unitPrice: 14900, quantity: '2', quantityUnit: 'PCS' },
    });
    const sum = body.receipt.orderLines.reduce((s, l) => s + l.totalAmount, 0);
    expect(sum).toBe(body.amount.value);
  });

  it('asks for a target URL for a QR sale and sends no phone number', () => {
    const body = buildPaymentRequest({ ...sale, tender: 'vipps-qr', phone: null }, { tillId: 'till-1', shopName: 'K' });
    expect(body.userFlow).toBe('QR');
    expect(body.qrFormat).toEqual({ format: 'TEXT/TARGETURL' });
    expect(body.customer).toBeUndefined();
  });

  it('makes references and descriptions Vipps accepts', () => {
    expect(paymentReference('till 1/æøå-000001')).toMatch(/^[a-zA-Z0-9-]{8,64}$/);
    expect(paymentReference('x'.repeat(80))).toMatch(/^[a-zA-Z0-9-]{8,64}$/);
    expect(paymentReference('till-1-000001')).not.toBe(paymentReference('till-1-000001'));
    const long = paymentDescription('S'.repeat(150), 'till-1-000001');
    expect(long.length).toBeLessThanOrEqual(100);
    expect(long).toContain('till-1-000001');
  });
});
