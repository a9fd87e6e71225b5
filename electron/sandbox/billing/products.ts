/**
 * The demo range of goods a small Norwegian coffee shop sells over the counter, served by
 * `GET /billing/v1/products`. Shape per product (the billing API's, mirrored by the core's product
 * schema): {id, name, unitPrice, currency, vatRate, barcode?} — `unitPrice` in minor units with VAT
 * included, `vatRate` in basis points (2500 = 25 %), the unit ePayment's receipt `taxRate` uses.
 *
 * Norwegian VAT (merverdiavgift) as it applies to these goods:
 * - 25 %: general rate — the mug, the tote bag, coffee filters;
 * - 15 %: food and drink — coffee beans, and take-away food and drink (bun, sandwich, latte).
 *   Food served to be eaten in the shop is 25 %; the demo sells take-away only, so that choice is
 *   left to the till;
 * - 0 %: newspapers are zero-rated.
 *
 * Barcodes are EAN-13 with valid check digits: GS1 Norway's prefix 70 for the shop's own goods,
 * and for the newspaper the ISSN form 977 + ISSN without its check digit + price code 00
 * (Aftenposten, ISSN 0804-3116). Goods made and sold from the counter (the bun, the latte) have
 * none, as in a real shop — the cashier picks them on the screen.
 */

export interface BillingProduct {
  id: string;
  name: string;
  /** Minor units, VAT included. */
  unitPrice: number;
  currency: 'NOK' | 'DKK' | 'EUR';
  /** Basis points: 2500 = 25 %. */
  vatRate: number;
  barcode?: string;
}

export function defaultProducts(): BillingProduct[] {
  return [
    { id: 'kaffe-etiopia-250', name: 'Kaffebønner Etiopia Yirgacheffe 250 g', unitPrice: 14900, currency: 'NOK', vatRate: 1500, barcode: '7038010000126' },
    { id: 'krus-steingods', name: 'Kaffekrus i steingods', unitPrice: 17900, currency: 'NOK', vatRate: 2500, barcode: '7038010000249' },
    { id: 'kanelbolle', name: 'Kanelbolle', unitPrice: 3900, currency: 'NOK', vatRate: 1500 },
    { id: 'baguett-ost-skinke', name: 'Baguett med ost og skinke', unitPrice: 7900, currency: 'NOK', vatRate: 1500, barcode: '7038010000362' },
    { id: 'caffe-latte', name: 'Caffè latte (take-away)', unitPrice: 5400, currency: 'NOK', vatRate: 1500 },
    { id: 'aftenposten', name: 'Aftenposten (dagens avis)', unitPrice: 4000, currency: 'NOK', vatRate: 0, barcode: '9770804311008' },
    { id: 'handlenett-bomull', name: 'Handlenett i bomull', unitPrice: 9900, currency: 'NOK', vatRate: 2500, barcode: '7038010000485' },
    { id: 'kaffefilter-4', name: 'Kaffefilter nr. 4, 80 stk', unitPrice: 3490, currency: 'NOK', vatRate: 2500, barcode: '7038010000515' },
  ];
}

/** GS1 check digit of the first 12 digits: weights 1,3,1,3… from the left, then to the next ten. */
export function ean13CheckDigit(first12: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

export function isValidEan13(code: string): boolean {
  return /^\d{13}$/.test(code) && ean13CheckDigit(code.slice(0, 12)) === Number(code[12]);
}
