/**
 * The demo shop of a Danish training till (KASSA_SHOP_COUNTRY=DK): the same kind of small coffee
 * shop as Norway's (catalogue.ts, products.ts), priced in DKK at Danish prices and named in Danish.
 * Amounts are integer øre, VAT included. Every plan kind the till must handle is here once, like
 * in Norway's catalogue, so a trainer in Copenhagen can show all of them.
 *
 * Danish VAT (moms) has one rate: 25 % on goods and services alike, food and take-away included.
 * Newspapers are zero-rated (0 %). So the plans here are sold at 25 %, the digital paper at 0 %.
 *
 * Barcodes are EAN-13 with valid check digits under GS1 Denmark's prefix 579, for the shop's own
 * goods; what is made at the counter (the cinnamon swirl, the latte) and the local paper have none.
 */
import { dayAfter, nextChristmasEve, type BillingPlan } from './catalogue';
import type { BillingProduct } from './products';

export function danishDemoPlans(now: number): BillingPlan[] {
  return [
    {
      id: 'kaffeklubben-maaned',
      name: 'Kaffeklubben – månedlig',
      description: 'En pose nyristet kaffe (250 g) til afhentning i butikken hver måned.',
      currency: 'DKK',
      pricing: { type: 'LEGACY', amount: 14900 },
      interval: { unit: 'MONTH', count: 1 },
      vatRate: 2500,
    },
    {
      id: 'blomster-med-vase',
      name: 'Blomsterabonnement med vase',
      description: 'Friske snitblomster hver anden uge. Glasvasen hentes i dag.',
      currency: 'DKK',
      pricing: { type: 'LEGACY', amount: 24900 },
      interval: { unit: 'WEEK', count: 2 },
      vatRate: 2500,
      initialCharge: { amount: 34900, description: 'Glasvase, hentes i butikken', transactionType: 'RESERVE_CAPTURE' },
    },
    {
      id: 'fitness-basis',
      name: 'Fitness Basis',
      description: 'Fri træning alle dage 05–23. Indmeldelsesgebyr betales ved start.',
      currency: 'DKK',
      pricing: { type: 'LEGACY', amount: 29900 },
      interval: { unit: 'MONTH', count: 1 },
      vatRate: 2500,
      initialCharge: { amount: 19900, description: 'Indmeldelsesgebyr', transactionType: 'DIRECT_CAPTURE' },
    },
    {
      id: 'lokalavisen-digital',
      name: 'Lokalavisen Digital – 3 mdr. for 1 kr.',
      description: 'Alle artikler på nettet og i appen.',
      currency: 'DKK',
      pricing: { type: 'LEGACY', amount: 17900 },
      interval: { unit: 'MONTH', count: 1 },
      vatRate: 0,
      campaign: { type: 'PERIOD_CAMPAIGN', price: 100, period: { unit: 'MONTH', count: 3 } },
      initialCharge: { amount: 100, description: 'Kampagne: 3 måneder for 1 kr.', transactionType: 'DIRECT_CAPTURE' },
    },
    {
      id: 'vinylklubben-kampagne',
      name: 'Vinylklubben – halv pris måneden ud',
      description: 'Én ny LP hver måned, valgt af butikken.',
      currency: 'DKK',
      pricing: { type: 'LEGACY', amount: 22900 },
      interval: { unit: 'MONTH', count: 1 },
      vatRate: 2500,
      campaign: { type: 'PRICE_CAMPAIGN', price: 11450, end: dayAfter(now, 30) },
    },
    {
      id: 'julekaffe',
      name: 'Ugens julekaffe',
      description: 'Ugens julekaffe for 39 kr. frem til jul, derefter normal pris.',
      currency: 'DKK',
      pricing: { type: 'LEGACY', amount: 6900 },
      interval: { unit: 'WEEK', count: 1 },
      vatRate: 2500,
      campaign: { type: 'EVENT_CAMPAIGN', price: 3900, eventDate: nextChristmasEve(now), eventText: 'indtil jul' },
    },
    {
      id: 'broedabonnement-forbrug',
      name: 'Brødabonnement efter forbrug',
      description: 'Betal for det brød, du henter, højst det beløb, du selv vælger.',
      currency: 'DKK',
      pricing: { type: 'VARIABLE', suggestedMaxAmount: 100000 },
      interval: { unit: 'MONTH', count: 1 },
      vatRate: 2500,
    },
    {
      id: 'cykelservice-aar',
      name: 'Cykelservice årsaftale',
      description: 'Ét fuldt eftersyn og fri justering i et år.',
      currency: 'DKK',
      pricing: { type: 'LEGACY', amount: 89900 },
      interval: { unit: 'YEAR', count: 1 },
      vatRate: 2500,
    },
  ];
}

export function danishDemoProducts(): BillingProduct[] {
  return [
    { id: 'kaffe-etiopien-250', name: 'Kaffebønner Etiopien Yirgacheffe 250 g', unitPrice: 10900, currency: 'DKK', vatRate: 2500, barcode: '5790010000125' },
    { id: 'krus-stentoej', name: 'Kaffekrus i stentøj', unitPrice: 12900, currency: 'DKK', vatRate: 2500, barcode: '5790010000248' },
    { id: 'kanelsnegl', name: 'Kanelsnegl', unitPrice: 3200, currency: 'DKK', vatRate: 2500 },
    { id: 'sandwich-ost-skinke', name: 'Sandwich med ost og skinke', unitPrice: 5900, currency: 'DKK', vatRate: 2500, barcode: '5790010000361' },
    { id: 'caffe-latte', name: 'Caffè latte (take-away)', unitPrice: 4500, currency: 'DKK', vatRate: 2500 },
    { id: 'lokalavisen', name: 'Lokalavisen (dagens avis)', unitPrice: 3000, currency: 'DKK', vatRate: 0 },
    { id: 'mulepose-bomuld', name: 'Mulepose i bomuld', unitPrice: 7900, currency: 'DKK', vatRate: 2500, barcode: '5790010000484' },
    { id: 'kaffefiltre-4', name: 'Kaffefiltre nr. 4, 80 stk.', unitPrice: 2995, currency: 'DKK', vatRate: 2500, barcode: '5790010000507' },
    { id: 'kaffekvaern-elektrisk', name: 'Elektrisk kaffekværn', unitPrice: 149900, currency: 'DKK', vatRate: 2500, barcode: '5790010000620' },
  ];
}
