import type { Currency } from '../../shared/money';
import type { ReasonParams } from '../../shared/reasons';
import type { AppError } from '../../shared/result';
import { formatMoney } from '../format/money';
import { i18n } from './index';

let moneyLocale = 'nb-NO';
let shopCurrency: Currency = 'NOK';

/** The shop's locale and currency, for amounts inside error texts. Set once at start-up. */
export function setErrorFormatting(locale: string, currency: Currency): void {
  moneyLocale = locale;
  shopCurrency = currency;
}

/**
 * An AppError in the active language: `errors.reason.<REASON>` with its params when the core gave
 * a reason, else the text for its coarse code. Never the core's English `message` (that is for logs).
 * Params named `...Amount` are minor units, formatted as money; `country` is named in the language.
 */
export function errorText(error: Pick<AppError, 'code' | 'reason' | 'params'>): string {
  if (!error.reason) return i18n.t(`errors.code.${error.code}`);
  return i18n.t(`errors.reason.${error.reason}`, wordedParams(error.params ?? {}) as Record<string, unknown>) as string;
}

function wordedParams(params: ReasonParams): Record<string, string | number> {
  const currency = (typeof params.currency === 'string' ? params.currency : shopCurrency) as Currency;
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (name.endsWith('Amount') && typeof value === 'number') out[name] = formatMoney(value, currency, moneyLocale);
    else if (name === 'country' && (value === 'NO' || value === 'DK' || value === 'FI')) out[name] = i18n.t(`form.countryNames.${value}`);
    else out[name] = value;
  }
  return out;
}
