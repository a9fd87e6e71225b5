import { phoneRules, type PhoneCheck, type PhoneCountry } from '../../../shared/phone';

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
