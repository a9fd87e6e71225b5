import { z } from 'zod';

/**
 * Phone numbers of the three Vipps MobilePay markets. Vipps wants MSISDN digits: country code and
 * national number, no '+', no spaces (e.g. 4791234567). The rules below are for mobile numbers,
 * because only a mobile phone can have the app.
 */
export const phoneCountries = ['NO', 'DK', 'FI'] as const;
export const phoneCountrySchema = z.enum(phoneCountries);
export type PhoneCountry = z.infer<typeof phoneCountrySchema>;

interface CountryRule {
  callingCode: string;
  /** Allowed lengths of the national number (without trunk prefix). */
  minLength: number;
  maxLength: number;
  /** A leading trunk '0' that people type at home but that is not part of the MSISDN. */
  trunkPrefix?: string;
  /** A mobile number starts with one of these. */
  mobilePrefixes: readonly string[];
  /** Shown as a placeholder and in messages. */
  example: string;
}

export const phoneRules: Record<PhoneCountry, CountryRule> = {
  // Norway: 8 digits; mobile numbers start with 4 or 9.
  NO: { callingCode: '47', minLength: 8, maxLength: 8, mobilePrefixes: ['4', '9'], example: '912 34 567' },
  // Denmark: 8 digits, no trunk prefix; no number starts with 0 or 1.
  DK: { callingCode: '45', minLength: 8, maxLength: 8, mobilePrefixes: ['2', '3', '4', '5', '6', '7', '8', '9'], example: '20 12 34 56' },
  // Finland: mobile numbers are 04x / 050 nationally, 7 to 10 digits without the trunk 0.
  FI: { callingCode: '358', minLength: 7, maxLength: 10, trunkPrefix: '0', mobilePrefixes: ['4', '50'], example: '040 123 4567' },
};

export type PhoneCheck =
  | { state: 'empty' }
  | { state: 'incomplete'; reason: PhoneProblem }
  | { state: 'invalid'; reason: PhoneProblem }
  | { state: 'valid'; msisdn: string; national: string };

export type PhoneProblem =
  | 'characters'
  | 'too-short'
  | 'too-long'
  | 'not-mobile'
  | 'other-country'
  /** The digits start with this country's calling code but no '+': e.g. 4791234567 for +47 912 34 567. */
  | 'missing-plus';

/**
 * Checks a number as the cashier types it. `incomplete` means "keep typing", `invalid` means no
 * further digit can make it right. Accepts spaces, dashes, dots, parentheses, a '+CC' or '00CC'
 * prefix for the chosen country and (Finland) the trunk 0. A number must begin with a digit, '+'
 * or '(': "-91234567" is a slip (or a minus sign), not a phone number.
 */
export function checkPhone(country: PhoneCountry, input: string): PhoneCheck {
  const rule = phoneRules[country];
  const trimmed = input.trim();
  if (trimmed === '') return { state: 'empty' };
  if (!/^\+?[ (]*([0-9][0-9 ().-]*)?$/.test(trimmed)) return { state: 'invalid', reason: 'characters' };

  let digits = trimmed.replace(/[^0-9]/g, '');
  const international = trimmed.startsWith('+') || digits.startsWith('00');
  if (international) {
    if (digits.startsWith('00')) digits = digits.slice(2);
    if (rule.callingCode.startsWith(digits)) return { state: 'incomplete', reason: 'too-short' };
    if (!digits.startsWith(rule.callingCode)) return { state: 'invalid', reason: 'other-country' };
    digits = digits.slice(rule.callingCode.length);
  }
  if (rule.trunkPrefix && digits.startsWith(rule.trunkPrefix)) digits = digits.slice(rule.trunkPrefix.length);
  if (digits === '') return { state: 'incomplete', reason: 'too-short' };
  const mobile = rule.mobilePrefixes.some((prefix) => digits.startsWith(prefix));
  const couldBecomeMobile = rule.mobilePrefixes.some((prefix) => prefix.startsWith(digits));
  if (!international && (!mobile || digits.length > rule.maxLength) && missesPlus(rule, digits)) return { state: 'invalid', reason: 'missing-plus' };
  if (!mobile) return couldBecomeMobile ? { state: 'incomplete', reason: 'too-short' } : { state: 'invalid', reason: 'not-mobile' };
  if (digits.length > rule.maxLength) return { state: 'invalid', reason: 'too-long' };
  if (digits.length < rule.minLength) return { state: 'incomplete', reason: 'too-short' };
  return { state: 'valid', msisdn: rule.callingCode + digits, national: digits };
}

/** Whether `digits` read as calling code + national number would be a mobile number of this country. */
function missesPlus(rule: CountryRule, digits: string): boolean {
  if (!digits.startsWith(rule.callingCode)) return false;
  const national = digits.slice(rule.callingCode.length);
  return national.length <= rule.maxLength && rule.mobilePrefixes.some((prefix) => national.startsWith(prefix));
}

/** The MSISDN for a number that must be valid; throws with the specific problem otherwise. */
export function toMsisdn(country: PhoneCountry, input: string): string {
  const check = checkPhone(country, input);
  if (check.state !== 'valid') throw new Error(`Invalid ${country} phone number: ${describeProblem(check)}`);
  return check.msisdn;
}

function describeProblem(check: Exclude<PhoneCheck, { state: 'valid' }>): string {
  return check.state === 'empty' ? 'empty' : check.reason;
}

/** "+47 912 34 567" style display of an MSISDN we produced ourselves. */
export function formatMsisdn(msisdn: string): string {
  const country = phoneCountries.find((c) => msisdn.startsWith(phoneRules[c].callingCode));
  if (!country) return `+${msisdn}`;
  const code = phoneRules[country].callingCode;
  const national = msisdn.slice(code.length);
  const groups = national.length === 8 ? national.match(/^(\d{3})(\d{2})(\d{3})$/) : null;
  if (country === 'NO' && groups) return `+${code} ${groups[1]} ${groups[2]} ${groups[3]}`;
  if (country === 'DK' && national.length === 8) return `+${code} ${national.replace(/(\d{2})(?=\d)/g, '$1 ')}`;
  if (country === 'FI') return `+${code} ${national.slice(0, 2)} ${national.slice(2)}`;
  return `+${code} ${national}`;
}

export const phoneInputSchema = z.object({
  country: phoneCountrySchema,
  number: z.string().max(40),
});
export type PhoneInput = z.infer<typeof phoneInputSchema>;
