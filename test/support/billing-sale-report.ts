/**
 * A sale report as the till sends it to the billing backend (billing-api.yaml, SaleReport): 2
 * cinnamon buns (15 %) + a newspaper (0 %) = 118 kr, paid with Vipps MobilePay at 10:00 in Oslo.
 * Tests override what they are about.
 */
export function bunsAndPaperSale(overrides: Record<string, unknown> = {}): Record<string, any> {
  return {
    saleId: '5b0d7a52-3a57-4a52-9d8e-0c1f9a7e4e11',
    receiptNumber: '1042',
    tillId: 'kasse-1',
    cashier: null,
    currency: 'NOK',
    total: 11800,
    vat: 1017,
    lines: [
      { productId: 'kanelbolle', name: 'Kanelbolle', quantity: 2, unitPrice: 3900, total: 7800, vat: 1017, vatRate: 1500 },
      { productId: 'aftenposten', name: 'Aftenposten', quantity: 1, unitPrice: 4000, total: 4000, vat: 0, vatRate: 0 },
    ],
    vatSummary: [
      { rate: 1500, base: 6783, vat: 1017, total: 7800 },
      { rate: 0, base: 4000, vat: 0, total: 4000 },
    ],
    tenders: [{ type: 'VIPPS_MOBILEPAY', amount: 11800, reference: 'kassa-1042', pspReference: '1234567890', capturedAmount: 11800 }],
    createdAt: '2026-11-22T09:00:00.000Z',
    completedAt: '2026-11-22T09:00:41.000Z',
    ...overrides,
  };
}
