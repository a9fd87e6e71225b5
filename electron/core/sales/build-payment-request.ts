import { randomBytes } from 'node:crypto';
import type { Sale } from '../../../shared/sale';
import type { CreatePaymentRequest } from '../vipps/epayment-schemas';

/**
 * The CreatePaymentRequest for a sale at the counter. Derived only from what the sale row stores,
 * so every retry sends the same body with the same Idempotency-Key.
 */
export function buildPaymentRequest(sale: Sale, till: { tillId: string; shopName: string }): CreatePaymentRequest {
  const { currency, total, vat } = sale.totals;
  const body: CreatePaymentRequest = {
    amount: { currency, value: total },
    paymentMethod: { type: 'WALLET' },
    reference: sale.reference,
    userFlow: sale.tender === 'vipps-push' ? 'PUSH_MESSAGE' : 'QR',
    customerInteraction: 'CUSTOMER_PRESENT',
    paymentDescription: paymentDescription(till.shopName, sale.receiptNumber),
    receipt: {
      orderLines: sale.lines.map((line) => ({
        name: line.name,
        id: line.productId,
        totalAmount: line.total,
        totalAmountExcludingTax: line.total - line.vat,
        totalTaxAmount: line.vat,
        taxRate: line.vatRate,
        unitInfo: { unitPrice: line.unitPrice, quantity: String(line.quantity), quantityUnit: 'PCS' },
      })),
      bottomLine: { currency, posId: till.tillId, receiptNumber: sale.receiptNumber, totalAmount: total, totalTax: vat },
    },
  };
  if (sale.tender === 'vipps-push') body.customer = { phoneNumber: sale.phone!.msisdn };
  else body.qrFormat = { format: 'TEXT/TARGETURL' };
  return body;
}

/** 3 to 100 characters, shown in the app and on settlement reports. */
export function paymentDescription(shopName: string, receiptNumber: string): string {
  const text = `${shopName} – receipt ${receiptNumber}`;
  return text.length <= 100 ? text : `${shopName.slice(0, 100 - receiptNumber.length - 12)}… – receipt ${receiptNumber}`;
}

/**
 * An ePayment reference (^[a-zA-Z0-9-]{8,64}$, unique per sales unit) from the receipt number. The
 * random suffix keeps it unique when a till is reinstalled and its receipt numbers start over.
 */
export function paymentReference(receiptNumber: string): string {
  const safe = receiptNumber.replace(/[^a-zA-Z0-9-]/g, '-').slice(0, 48);
  return `kassa-${safe}-${randomBytes(4).toString('hex')}`;
}
