/**
 * The demo shop of a Finnish training till (KASSA_SHOP_COUNTRY=FI): the same kind of small coffee
 * shop as Norway's (catalogue.ts, products.ts), priced in euro at Finnish prices and named in
 * Finnish. Amounts are integer cents, VAT included. Every plan kind the till must handle is here
 * once, like in Norway's catalogue.
 *
 * Finnish VAT (arvonlisävero) as it applies to this shop:
 * - 25.5 %: the general rate since 1 September 2024 (24 % before) — the mug, the bag, filters, the
 *   espresso machine; flowers, records and bicycle service among the plans;
 * - 13.5 %: food, and restaurant and take-away food and drink, since 1 January 2026 (14 % from
 *   2013 to 2025) — coffee beans, the bun, the baguette, the latte; the coffee and bread plans;
 * - 14 %: sports services since 1 January 2025 (10 % before) — the gym plan;
 * - 10 %: newspapers and periodicals, digital ones included — the paper and its digital plan.
 * Rates as known in December 2026; check vero.fi before relying on them for anything real.
 *
 * Barcodes are EAN-13 with valid check digits under GS1 Finland's prefix 642, for the shop's own
 * goods; what is made at the counter (the bun, the latte) and the local paper have none.
 */
import { dayAfter, nextChristmasEve, type BillingPlan } from './catalogue';
import type { BillingProduct } from './products';

export function finnishDemoPlans(now: number): BillingPlan[] {
  return [
    {
      id: 'kahviklubi-kk',
      name: 'Kahviklubi – kuukausittain',
      description: 'Pussi tuoretta paahdettua kahvia (250 g) noudettavaksi myymälästä joka kuukausi.',
      currency: 'EUR',
      pricing: { type: 'LEGACY', amount: 1490 },
      interval: { unit: 'MONTH', count: 1 },
      vatRate: 1350,
    },
    {
      id: 'kukkatilaus-maljakko',
      name: 'Kukkatilaus maljakon kanssa',
      description: 'Tuoreita leikkokukkia joka toinen viikko. Lasimaljakko noudetaan tänään.',
      currency: 'EUR',
      pricing: { type: 'LEGACY', amount: 2990 },
      interval: { unit: 'WEEK', count: 2 },
      vatRate: 2550,
      initialCharge: { amount: 3990, description: 'Lasimaljakko, noudetaan myymälästä', transactionType: 'RESERVE_CAPTURE' },
    },
    {
      id: 'kuntosali-perus',
      name: 'Kuntosali Perus',
      description: 'Vapaa treeni joka päivä klo 5–23. Liittymismaksu maksetaan aloitettaessa.',
      currency: 'EUR',
      pricing: { type: 'LEGACY', amount: 3990 },
      interval: { unit: 'MONTH', count: 1 },
      vatRate: 1400,
      initialCharge: { amount: 1990, description: 'Liittymismaksu', transactionType: 'DIRECT_CAPTURE' },
    },
    {
      id: 'paikallislehti-digi',
      name: 'Paikallislehti Digi – 3 kk 1 eurolla',
      description: 'Kaikki jutut verkossa ja sovelluksessa.',
      currency: 'EUR',
      pricing: { type: 'LEGACY', amount: 1990 },
      interval: { unit: 'MONTH', count: 1 },
      vatRate: 1000,
      campaign: { type: 'PERIOD_CAMPAIGN', price: 100, period: { unit: 'MONTH', count: 3 } },
      initialCharge: { amount: 100, description: 'Kampanja: 3 kuukautta 1 eurolla', transactionType: 'DIRECT_CAPTURE' },
    },
    {
      id: 'vinyyliklubi-kampanja',
      name: 'Vinyyliklubi – puoleen hintaan kuun loppuun',
      description: 'Uusi LP-levy joka kuukausi, myymälän valitsema.',
      currency: 'EUR',
      pricing: { type: 'LEGACY', amount: 2490 },
      interval: { unit: 'MONTH', count: 1 },
      vatRate: 2550,
      campaign: { type: 'PRICE_CAMPAIGN', price: 1245, end: dayAfter(now, 30) },
    },
    {
      id: 'joulukahvi',
      name: 'Viikon joulukahvi',
      description: 'Viikon joulukahvi 4,90 eurolla jouluun asti, sen jälkeen normaalihintaan.',
      currency: 'EUR',
      pricing: { type: 'LEGACY', amount: 790 },
      interval: { unit: 'WEEK', count: 1 },
      vatRate: 1350,
      campaign: { type: 'EVENT_CAMPAIGN', price: 490, eventDate: nextChristmasEve(now), eventText: 'jouluun asti' },
    },
    {
      id: 'leipatilaus-kulutus',
      name: 'Leipätilaus kulutuksen mukaan',
      description: 'Maksa noutamastasi leivästä, enintään itse valitsemasi summa.',
      currency: 'EUR',
      pricing: { type: 'VARIABLE', suggestedMaxAmount: 10000 },
      interval: { unit: 'MONTH', count: 1 },
      vatRate: 1350,
    },
    {
      id: 'pyorahuolto-vuosi',
      name: 'Pyörähuolto vuosisopimus',
      description: 'Yksi täyshuolto ja maksuttomat säädöt vuoden ajan.',
      currency: 'EUR',
      pricing: { type: 'LEGACY', amount: 12900 },
      interval: { unit: 'YEAR', count: 1 },
      vatRate: 2550,
    },
  ];
}

export function finnishDemoProducts(): BillingProduct[] {
  return [
    { id: 'kahvi-etiopia-250', name: 'Kahvipavut Etiopia Yirgacheffe 250 g', unitPrice: 1390, currency: 'EUR', vatRate: 1350, barcode: '6420010000137' },
    { id: 'muki-kivitavara', name: 'Kivitavaramuki', unitPrice: 1990, currency: 'EUR', vatRate: 2550, barcode: '6420010000250' },
    { id: 'korvapuusti', name: 'Korvapuusti', unitPrice: 390, currency: 'EUR', vatRate: 1350 },
    { id: 'patonki-juusto-kinkku', name: 'Juusto-kinkkupatonki', unitPrice: 790, currency: 'EUR', vatRate: 1350, barcode: '6420010000373' },
    { id: 'caffe-latte', name: 'Caffè latte (take-away)', unitPrice: 490, currency: 'EUR', vatRate: 1350 },
    { id: 'paikallislehti', name: 'Paikallislehti (päivän lehti)', unitPrice: 350, currency: 'EUR', vatRate: 1000 },
    { id: 'puuvillakassi', name: 'Puuvillakassi', unitPrice: 990, currency: 'EUR', vatRate: 2550, barcode: '6420010000496' },
    { id: 'kahvinsuodatin-4', name: 'Kahvinsuodatinpussi nro 4, 80 kpl', unitPrice: 299, currency: 'EUR', vatRate: 2550, barcode: '6420010000519' },
    { id: 'espressokone', name: 'Espressokone kotikäyttöön', unitPrice: 149900, currency: 'EUR', vatRate: 2550, barcode: '6420010000632' },
  ];
}
