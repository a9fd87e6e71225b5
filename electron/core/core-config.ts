import { z } from 'zod';
import { kassaModeSchema } from '../../shared/app-info';
import { DEFAULT_CASH_MAX_OVER_TOTAL } from '../../shared/cash';
import { currencySchema } from '../../shared/money';
import { uiLanguageSchema } from '../../shared/languages';
import { phoneCountrySchema } from '../../shared/phone';
import { billingConfigSchema } from './billing/billing-client';
import { vippsConfigSchema } from './vipps/vipps-config';

const httpsUrl = z.url({ protocol: /^https$/, error: 'must be an https:// URL' });

/** https anywhere; http only to this machine (localhost, 127.0.0.0/8, ::1). */
export function keepsKeysPrivate(address: string): boolean {
  const url = new URL(address);
  if (url.protocol === 'https:') return true;
  const host = url.hostname;
  return url.protocol === 'http:' && (host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host));
}

/** Everything the core needs to run a till. Hosts build it from flags, a config file and the environment. */
export const coreConfigSchema = z.object({
  mode: kassaModeSchema,
  dataDir: z.string().min(1),
  tillId: z.string().min(1).max(32),
  shop: z.object({
    name: z.string().min(1),
    country: phoneCountrySchema,
    currency: currencySchema,
    locale: z.string().min(2),
    /** The till's default screen language; when left out, the locale's language (nb-NO -> nb). */
    language: uiLanguageSchema.optional(),
  }),
  vipps: vippsConfigSchema,
  billing: billingConfigSchema,
  agreementUrls: z.object({
    merchantRedirectUrl: z.string().min(1).max(2048),
    merchantAgreementUrl: httpsUrl.max(1024),
  }),
  /** The sandbox's customer-phone page, set by training mode only. */
  phonePageUrl: z.string().nullable(),
  /** A self-service kiosk till: customers buy and sign up alone, with nobody signed in. */
  kiosk: z.boolean().default(false),
  /** A signed-in member of staff is signed out after this many minutes without a call from the till. */
  idleSignOutMinutes: z.number().int().min(1).max(24 * 60).default(15),
  /** Cash: the most (in major units, kr or €) a tendered amount may exceed the total by. */
  cashMaxOverTotal: z.number().int().positive().max(1_000_000).default(DEFAULT_CASH_MAX_OVER_TOTAL),
  /** `fast`: poll and retry in milliseconds (chaos runs on the sandbox). Training mode only. */
  schedule: z.enum(['guideline', 'fast']).default('guideline'),
})
  .refine((config) => config.schedule === 'guideline' || config.mode === 'training', {
    message: 'The fast schedule is for training mode only: real Vipps MobilePay must be polled at the guideline pace.',
    path: ['schedule'],
  })
  // Real keys never travel in clear text; plain http is for a server on this machine (a sandbox, a test double).
  .refine((config) => config.mode === 'training' || keepsKeysPrivate(config.vipps.baseUrl), {
    message: 'must be an https:// URL with real Vipps keys (http only for a loopback address)',
    path: ['vipps', 'baseUrl'],
  })
  .refine((config) => config.mode === 'training' || keepsKeysPrivate(config.billing.baseUrl), {
    message: 'must be an https:// URL with real Vipps keys (http only for a loopback address)',
    path: ['billing', 'baseUrl'],
  });
export type CoreConfig = z.input<typeof coreConfigSchema>;
