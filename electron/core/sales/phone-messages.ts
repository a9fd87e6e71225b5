import { phoneRules, type PhoneCheck, type PhoneCountry, type PhoneProblem } from '../../../shared/phone';
import { because, type Reason, type ReasonRef } from '../../../shared/reasons';
import { KassaError } from '../../../shared/result';

/** What a cashier reads when the core refuses a phone number (the renderer checks as they type too). */
export function phoneProblemMessage(country: PhoneCountry, check: PhoneCheck): string {
  const example = phoneRules[country].example;
  if (check.state === 'empty') return "Enter the customer's mobile number.";
  if (check.state === 'valid') return '';
  switch (check.reason) {
    case 'characters':
      return 'A phone number can only contain digits, spaces and a leading +.';
    case 'too-short':
      return `The number is too short. Example: ${example}.`;
    case 'too-long':
      return `The number is too long. Example: ${example}.`;
    case 'not-mobile':
      return `That is not a mobile number for this country. Example: ${example}.`;
    case 'other-country':
      return 'That number belongs to another country. Pick its country first.';
    case 'missing-plus':
      return `That looks like the country code without its +. Type +${phoneRules[country].callingCode} first, or leave the country code out. Example: ${example}.`;
  }
}

const reasonOf = {
  characters: 'PHONE_CHARACTERS',
  'too-short': 'PHONE_TOO_SHORT',
  'too-long': 'PHONE_TOO_LONG',
  'not-mobile': 'PHONE_NOT_MOBILE',
  'other-country': 'PHONE_OTHER_COUNTRY',
  'missing-plus': 'PHONE_MISSING_PLUS',
} as const satisfies Record<PhoneProblem, Reason>;

/** The same refusal as a reason the renderer words: the country, its example and its calling code travel along. */
export function phoneProblemReason(country: PhoneCountry, check: PhoneCheck): ReasonRef {
  const rule = phoneRules[country];
  const params = { country, example: rule.example, callingCode: rule.callingCode };
  if (check.state === 'empty' || check.state === 'valid') return because('PHONE_EMPTY', params);
  return because(reasonOf[check.reason], params);
}

/** A KassaError for a phone number the core refuses. */
export function phoneError(country: PhoneCountry, check: PhoneCheck): KassaError {
  const message = phoneProblemMessage(country, check);
  return new KassaError('VALIDATION', message, { phone: message }, phoneProblemReason(country, check));
}
