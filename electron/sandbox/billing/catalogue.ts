/**
 * The demo catalogue of the shop's billing backend: subscription plans a Norwegian shop sells at
 * the till. Amounts are integer øre. Campaign dates are computed from the sandbox clock when the
 * catalogue is (re)built, so a "price campaign" never lies in the past in a demo.
 *
 * Shape per plan (the billing API's, mirrored by shared/catalogue.ts in the core):
 * {id, name (≤45), description?, currency, pricing: {type:'LEGACY', amount} | {type:'VARIABLE',
 * suggestedMaxAmount} | {type:'FLEXIBLE'}, interval: {unit, count} | {type:'FLEXIBLE'} (pay per
 * use: no period), vatRate (basis points, as for products; the VAT of the initial charge),
 * initialCharge?: {amount, description, transactionType}, campaign?: PRICE_CAMPAIGN {price, end} |
 * PERIOD_CAMPAIGN {price, period} | EVENT_CAMPAIGN {price, eventDate, eventText}}
 */
import { DAY, isoSeconds } from '../clock';

export interface BillingPlan {
  id: string;
  name: string;
  description?: string;
  currency: 'NOK' | 'DKK' | 'EUR';
  pricing: { type: 'LEGACY'; amount: number } | { type: 'VARIABLE'; suggestedMaxAmount: number } | { type: 'FLEXIBLE' };
  interval: { unit: 'YEAR' | 'MONTH' | 'WEEK' | 'DAY'; count: number } | { type: 'FLEXIBLE' };
  /** Optional here so a test can serve a backend that leaves it out (the till refuses such a plan). */
  vatRate?: number;
  initialCharge?: { amount: number; description: string; transactionType: 'DIRECT_CAPTURE' | 'RESERVE_CAPTURE' };
  campaign?:
    | { type: 'PRICE_CAMPAIGN'; price: number; end: string }
    | { type: 'PERIOD_CAMPAIGN'; price: number; period: { unit: 'YEAR' | 'MONTH' | 'WEEK' | 'DAY'; count: number } }
    | { type: 'EVENT_CAMPAIGN'; price: number; eventDate: string; eventText: string };
}

/** Midnight UTC `days` days after `now`. */
export function dayAfter(now: number, days: number): string {
  const start = new Date(now);
  return isoSeconds(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate()) + days * DAY);
}

/** The next 24 December (00:00 UTC) that is still ahead of `now`. */
export function nextChristmasEve(now: number): string {
  const year = new Date(now).getUTCFullYear();
  const thisYear = Date.UTC(year, 11, 24);
  return isoSeconds(thisYear > now + DAY ? thisYear : Date.UTC(year + 1, 11, 24));
}

export function defaultCatalogue(now: number): BillingPlan[] {
  return [
    {
      id: 'kaffeklubben-mnd',
      name: 'Kaffeklubben – månedlig',
      description: 'En pose nybrent kaffe (250 g) å hente i butikken hver måned.',
      currency: 'NOK',
      pricing: { type: 'LEGACY', amount: 19900 },
      interval: { unit: 'MONTH', count: 1 },
      vatRate: 1500,
    },
    {
      id: 'blomster-med-vase',
      name: 'Blomsterabonnement med vase',
      description: 'Ferske snittblomster annenhver uke. Glassvasen hentes i dag.',
      currency: 'NOK',
      pricing: { type: 'LEGACY', amount: 34900 },
      interval: { unit: 'WEEK', count: 2 },
      vatRate: 2500,
      initialCharge: { amount: 49900, description: 'Glassvase, hentes i butikken', transactionType: 'RESERVE_CAPTURE' },
    },
    {
      id: 'treningssenter-basis',
      name: 'Treningssenter Basis',
      description: 'Fri trening alle dager 05–23. Innmeldingsavgift betales ved oppstart.',
      currency: 'NOK',
      pricing: { type: 'LEGACY', amount: 44900 },
      interval: { unit: 'MONTH', count: 1 },
      vatRate: 2500,
      initialCharge: { amount: 19900, description: 'Innmeldingsavgift', transactionType: 'DIRECT_CAPTURE' },
    },
    {
      id: 'lokalavisa-digital',
      name: 'Lokalavisa Digital – 3 mnd for 1 kr',
      description: 'Alle artikler på nett og i appen.',
      currency: 'NOK',
      pricing: { type: 'LEGACY', amount: 24900 },
      interval: { unit: 'MONTH', count: 1 },
      vatRate: 0,
      campaign: { type: 'PERIOD_CAMPAIGN', price: 100, period: { unit: 'MONTH', count: 3 } },
      initialCharge: { amount: 100, description: 'Kampanje: 3 måneder for 1 kr', transactionType: 'DIRECT_CAPTURE' },
    },
    {
      id: 'vinylklubben-kampanje',
      name: 'Vinylklubben – halv pris ut måneden',
      description: 'Én ny LP hver måned, valgt av butikken.',
      currency: 'NOK',
      pricing: { type: 'LEGACY', amount: 29900 },
      interval: { unit: 'MONTH', count: 1 },
      vatRate: 2500,
      campaign: { type: 'PRICE_CAMPAIGN', price: 14900, end: dayAfter(now, 30) },
    },
    {
      id: 'julekaffe',
      name: 'Julekaffe hver uke',
      description: 'Ukens julekaffe for 49 kr fram til jul, deretter ordinær pris.',
      currency: 'NOK',
      pricing: { type: 'LEGACY', amount: 8900 },
      interval: { unit: 'WEEK', count: 1 },
      vatRate: 1500,
      campaign: { type: 'EVENT_CAMPAIGN', price: 4900, eventDate: nextChristmasEve(now), eventText: 'until Christmas' },
    },
    {
      id: 'brodabonnement-forbruk',
      name: 'Brødabonnement etter forbruk',
      description: 'Betal for brødet du henter, maks beløp du velger selv.',
      currency: 'NOK',
      pricing: { type: 'VARIABLE', suggestedMaxAmount: 150000 },
      interval: { unit: 'MONTH', count: 1 },
      vatRate: 1500,
    },
    {
      id: 'sykkelservice-aar',
      name: 'Sykkelservice årsavtale',
      description: 'Én full service og fri justering i et år.',
      currency: 'NOK',
      pricing: { type: 'LEGACY', amount: 99000 },
      interval: { unit: 'YEAR', count: 1 },
      vatRate: 2500,
    },
    {
      // Pay per use: the workshop charges after each repair, up to the ceiling the customer chose.
      id: 'sykkelverksted-per-reparasjon',
      name: 'Sykkelverksted – betal per reparasjon',
      description: 'Trekkes etter hver reparasjon, opptil maksbeløpet du velger.',
      currency: 'NOK',
      pricing: { type: 'VARIABLE', suggestedMaxAmount: 200000 },
      interval: { type: 'FLEXIBLE' },
      vatRate: 2500,
    },
  ];
}
