/**
 * The customer's receipt page (GET /billing/v1/receipts/{saleId}) in the customer's language: the
 * kiosk's `lang`, else the phone's Accept-Language, else English; amounts, VAT rates and the time
 * as that language writes them in the shop's country. Real HTTP against a real sandbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainingCredentials } from '../../../electron/sandbox/training-credentials';
import { bunsAndPaperSale } from '../../support/billing-sale-report';
import { startSandbox, type Harness } from './harness';

/** 2 cinnamon buns (15 %) + a newspaper (0 %) = 118 kr, at 10:00 in Oslo, sold at a kiosk. */
const sale = bunsAndPaperSale({ tillId: 'kiosk-1' });

/** Intl puts no-break spaces between an amount and its currency; the assertions read plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('the receipt page a kiosk customer opens from the QR', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startSandbox();
    const put = await h.raw('PUT', `/billing/v1/sales/${sale.saleId}`, {
      headers: { 'content-type': 'application/json', authorization: `Bearer ${trainingCredentials.billingApiKey}` },
      body: JSON.stringify(sale),
    });
    expect(put.status, put.text).toBe(201);
  });
  afterAll(() => h.close());

  const receipt = (query: string, acceptLanguage?: string) =>
    h.raw('GET', `/billing/v1/receipts/${sale.saleId}${query}`, { headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {} });

  it.each([
    { lang: 'nb', title: 'Kvittering 1042', total: 'Totalt', vat: 'Herav mva. 15 %', when: '22. november 2026 kl. 10:00', money: '118,00 kr' },
    { lang: 'da', title: 'Kvittering 1042', total: 'I alt', vat: 'Heraf moms 15 %', when: '22. november 2026 kl. 10.00', money: '118,00 NOK' },
    { lang: 'fi', title: 'Kuitti 1042', total: 'Yhteensä', vat: 'Josta ALV 15 %', when: '22. marraskuuta 2026 klo 10.00', money: '118,00 NOK' },
    { lang: 'en', title: 'Receipt 1042', total: 'Total', vat: 'Of which VAT 15 %', when: '22 November 2026 at 10:00', money: '118,00 kr' },
  ])('speaks $lang when the kiosk asks for it, whatever the phone prefers', async ({ lang, title, total, vat, when, money }) => {
    const reply = await receipt(`?lang=${lang}`, lang === 'fi' ? 'nb-NO' : 'fi-FI, en;q=0.5');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-language')).toBe(lang);
    expect(reply.headers.get('vary')).toBe('Accept-Language');
    const page = plain(reply.text);
    expect(page).toContain(`<html lang="${lang}">`);
    expect(page).toContain(`<h1>${title}</h1>`);
    expect(page).toContain('2 × Kanelbolle');
    expect(page).toContain(`<td>${total}</td><td>${money}</td>`);
    expect(page).toContain(vat);
    expect(page).toContain(when);
  });

  it('takes the regional and older Norwegian tags as bokmål', async () => {
    for (const lang of ['no', 'nn', 'nb-NO', 'NB']) expect((await receipt(`?lang=${lang}`)).headers.get('content-language')).toBe('nb');
  });

  it("follows the phone's Accept-Language, best weight first, when the kiosk said nothing or a language it has not", async () => {
    expect((await receipt('', 'da-DK,da;q=0.9,en;q=0.5')).headers.get('content-language')).toBe('da');
    expect((await receipt('?lang=sv', 'sv-SE, en;q=0.3, fi;q=0.8')).headers.get('content-language')).toBe('fi');
    expect((await receipt('', 'de-DE, *;q=0.5')).headers.get('content-language')).toBe('en');
    expect((await receipt('', 'nb;q=0, da;q=0.1')).headers.get('content-language')).toBe('da');
    expect((await receipt('')).headers.get('content-language')).toBe('en');
  });

  it('says the receipt is on its way, in the language asked for, before the sale has arrived', async () => {
    const early = await h.raw('GET', '/billing/v1/receipts/00000000-0000-4000-8000-000000000000?lang=fi', { headers: {} });
    expect(early.status).toBe(404);
    expect(early.headers.get('content-language')).toBe('fi');
    expect(early.text).toContain('Kuitti on tulossa');
  });
});

describe('a receipt in euros and in Danish kroner', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startSandbox();
  });
  afterAll(() => h.close());

  it.each([
    { currency: 'EUR', lang: 'fi', money: '9,90 €', when: 'klo 11.00' },
    { currency: 'DKK', lang: 'da', money: '9,90 kr.', when: 'kl. 10.00' },
  ])('writes $currency as $lang does, at the time of the shop', async ({ currency, lang, money, when }) => {
    const saleId = `c0ffee00-0000-4000-8000-00000000000${currency === 'EUR' ? 1 : 2}`;
    const body = {
      ...sale,
      saleId,
      currency,
      total: 990,
      vat: 0,
      lines: [{ productId: 'lehti', name: 'Lehti', quantity: 1, unitPrice: 990, total: 990, vat: 0, vatRate: 0 }],
      vatSummary: [],
      tenders: [{ type: 'VIPPS_MOBILEPAY', amount: 990 }],
    };
    const put = await h.raw('PUT', `/billing/v1/sales/${saleId}`, {
      headers: { 'content-type': 'application/json', authorization: `Bearer ${trainingCredentials.billingApiKey}` },
      body: JSON.stringify(body),
    });
    expect(put.status, put.text).toBe(201);
    const reply = await h.raw('GET', `/billing/v1/receipts/${saleId}?lang=${lang}`, { headers: {} });
    expect(plain(reply.text)).toContain(money);
    expect(plain(reply.text)).toContain(when);
  });
});
