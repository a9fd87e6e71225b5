import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { kassaModeSchema, type KassaMode } from '../../shared/app-info';
import { currencySchema, type Currency } from '../../shared/money';
import { uiLanguageSchema, type UiLanguage } from '../../shared/languages';
import { phoneCountrySchema, type PhoneCountry } from '../../shared/phone';
import { coreConfigSchema, type CoreConfig } from '../core/core-config';
import { jsonErrorPosition } from './json-error-position';
import { trainingConnection } from './training-connection';

/**
 * Settings come from three places, later ones winning: built-in defaults, a JSON config file
 * (`--config FILE`, or kassa.config.json in the data directory), and KASSA_* environment variables.
 * With no Vipps credentials anywhere, Kassa runs in training mode on its built-in sandbox.
 */
export const fileConfigSchema = z
  .object({
    mode: kassaModeSchema,
    tillId: z.string(),
    shop: z.object({ name: z.string(), country: phoneCountrySchema, locale: z.string(), language: uiLanguageSchema }).partial(),
    vipps: z
      .object({ baseUrl: z.string(), clientId: z.string(), clientSecret: z.string(), subscriptionKey: z.string(), merchantSerialNumber: z.string() })
      .partial(),
    billing: z.object({ baseUrl: z.string(), apiKey: z.string() }).partial(),
    merchantRedirectUrl: z.string(),
    merchantAgreementUrl: z.string(),
    /** Training mode against a sandbox that already runs elsewhere (tests, a shared training server). */
    sandboxUrl: z.string(),
    /** A self-service kiosk till. */
    kiosk: z.boolean(),
    /** Minutes without a call from the till before the signed-in member is signed out. */
    idleSignOutMinutes: z.number(),
    /** The most (kr, €) a cash tender may exceed the total by. */
    cashMaxOverTotal: z.number(),
  })
  .partial()
  .strict();
export type FileConfig = z.infer<typeof fileConfigSchema>;

export const vippsBaseUrls: Record<Exclude<KassaMode, 'training'>, string> = {
  test: 'https://apitest.vipps.no',
  production: 'https://api.vipps.no',
};

const currencyOf: Record<PhoneCountry, Currency> = { NO: 'NOK', DK: 'DKK', FI: 'EUR' };
const localeOf: Record<PhoneCountry, string> = { NO: 'nb-NO', DK: 'da-DK', FI: 'fi-FI' };

export class ConfigError extends Error {
  constructor(problems: string[]) {
    super(`Kassa's configuration is incomplete:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export interface ResolvedSettings {
  /** Core config minus what training mode fills in once its sandbox runs. */
  config: Omit<CoreConfig, 'vipps' | 'billing' | 'phonePageUrl'> & {
    vipps: Partial<CoreConfig['vipps']>;
    billing: Partial<CoreConfig['billing']>;
  };
  /** In training mode: an external sandbox to use, or null to start the built-in one. */
  sandboxUrl: string | null;
}

export function readSettings(options: { dataDir: string | null; configFile: string | null; env: NodeJS.ProcessEnv; cwd: string }): ResolvedSettings {
  const dataDir = resolve(options.cwd, options.dataDir ?? options.env.KASSA_DATA_DIR ?? '.kassa-data');
  const file = readConfigFile(options.configFile ? resolve(options.cwd, options.configFile) : join(dataDir, 'kassa.config.json'), Boolean(options.configFile));
  const env = options.env;

  const vipps = {
    baseUrl: env.KASSA_VIPPS_BASE_URL ?? file.vipps?.baseUrl,
    clientId: env.KASSA_VIPPS_CLIENT_ID ?? file.vipps?.clientId,
    clientSecret: env.KASSA_VIPPS_CLIENT_SECRET ?? file.vipps?.clientSecret,
    subscriptionKey: env.KASSA_VIPPS_SUBSCRIPTION_KEY ?? file.vipps?.subscriptionKey,
    merchantSerialNumber: env.KASSA_VIPPS_MSN ?? file.vipps?.merchantSerialNumber,
  };
  const hasCredentials = Boolean(vipps.clientId || vipps.clientSecret || vipps.subscriptionKey);
  const mode = kassaModeSchema.parse(env.KASSA_MODE ?? file.mode ?? (hasCredentials ? 'test' : 'training'));
  const country = phoneCountrySchema.parse(env.KASSA_SHOP_COUNTRY ?? file.shop?.country ?? 'NO');

  return {
    sandboxUrl: mode === 'training' ? (env.KASSA_SANDBOX_URL ?? file.sandboxUrl ?? null) : null,
    config: {
      mode,
      dataDir,
      tillId: env.KASSA_TILL_ID ?? file.tillId ?? 'till-1',
      shop: {
        name: env.KASSA_SHOP_NAME ?? file.shop?.name ?? (mode === 'training' ? 'Kassa Demo Shop' : 'Kassa'),
        country,
        currency: currencySchema.parse(currencyOf[country]),
        locale: env.KASSA_LOCALE ?? file.shop?.locale ?? localeOf[country],
        ...languageSetting(env.KASSA_LANGUAGE ?? file.shop?.language),
      },
      vipps: mode === 'training' ? {} : { ...vipps, baseUrl: vipps.baseUrl ?? vippsBaseUrls[mode] },
      billing: { baseUrl: env.KASSA_BILLING_URL ?? file.billing?.baseUrl, apiKey: env.KASSA_BILLING_API_KEY ?? file.billing?.apiKey },
      schedule: env.KASSA_FAST_SCHEDULE === '1' ? 'fast' : 'guideline',
      kiosk: env.KASSA_KIOSK === '1' || file.kiosk === true,
      ...numberSetting('idleSignOutMinutes', env.KASSA_IDLE_SIGN_OUT_MINUTES, file.idleSignOutMinutes),
      ...numberSetting('cashMaxOverTotal', env.KASSA_CASH_MAX_OVER_TOTAL, file.cashMaxOverTotal),
      agreementUrls: {
        merchantRedirectUrl: env.KASSA_MERCHANT_REDIRECT_URL ?? file.merchantRedirectUrl ?? 'https://kassa.example/subscription/thanks',
        merchantAgreementUrl: env.KASSA_MERCHANT_AGREEMENT_URL ?? file.merchantAgreementUrl ?? 'https://kassa.example/my-subscriptions',
      },
    },
  };
}

/** Completes the settings with the sandbox's address and credentials (training) and validates them. */
export function completeConfig(settings: ResolvedSettings, sandbox: { url: string; phonePageUrl: string } | null): CoreConfig {
  const { config } = settings;
  const candidate = sandbox ? { ...config, ...trainingConnection(sandbox, config.shop.country) } : { ...config, phonePageUrl: null };
  const parsed = coreConfigSchema.safeParse(candidate);
  if (!parsed.success) {
    // Name the setting, never echo its value: it may be a secret.
    throw new ConfigError(parsed.error.issues.map((issue) => `${settingName(issue.path)}: ${issue.message}`));
  }
  return parsed.data;
}

/** The screens' default language when the shop sets one apart from its locale (e.g. English in nb-NO). */
function languageSetting(value: string | undefined): { language?: UiLanguage } {
  return value === undefined ? {} : { language: uiLanguageSchema.parse(value) };
}

/** A whole-number setting from the environment (as text) or the file; left out when neither sets it. */
function numberSetting<K extends string>(key: K, fromEnv: string | undefined, fromFile: number | undefined): Partial<Record<K, number>> {
  const value = fromEnv !== undefined ? Number(fromEnv) : fromFile;
  return value === undefined ? {} : ({ [key]: value } as Record<K, number>);
}

const envNames: Record<string, string> = {
  idleSignOutMinutes: 'KASSA_IDLE_SIGN_OUT_MINUTES',
  cashMaxOverTotal: 'KASSA_CASH_MAX_OVER_TOTAL',
  'vipps.baseUrl': 'KASSA_VIPPS_BASE_URL',
  'vipps.clientId': 'KASSA_VIPPS_CLIENT_ID',
  'vipps.clientSecret': 'KASSA_VIPPS_CLIENT_SECRET',
  'vipps.subscriptionKey': 'KASSA_VIPPS_SUBSCRIPTION_KEY',
  'vipps.merchantSerialNumber': 'KASSA_VIPPS_MSN',
  'billing.baseUrl': 'KASSA_BILLING_URL',
  'billing.apiKey': 'KASSA_BILLING_API_KEY',
  'agreementUrls.merchantAgreementUrl': 'KASSA_MERCHANT_AGREEMENT_URL',
  'agreementUrls.merchantRedirectUrl': 'KASSA_MERCHANT_REDIRECT_URL',
};

function settingName(path: PropertyKey[]): string {
  const key = path.map(String).join('.');
  return envNames[key] ? `${key} (${envNames[key]})` : key;
}

function readConfigFile(path: string, required: boolean): FileConfig {
  if (!existsSync(path)) {
    if (required) throw new ConfigError([`config file ${path} does not exist`]);
    return {};
  }
  const text = readFileSync(path, 'utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    // JSON.parse's message quotes the file around the error, secrets included: give the place only.
    const { line, column } = jsonErrorPosition(text);
    throw new ConfigError([`${path} is not valid JSON (line ${line}, column ${column})`]);
  }
  const parsed = fileConfigSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `${path}: ${i.path.join('.') || '(top level)'}: ${i.message}`));
  return parsed.data;
}
