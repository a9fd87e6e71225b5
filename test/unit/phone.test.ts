import { describe, expect, it } from 'vitest';
import { checkPhone, formatMsisdn, toMsisdn, type PhoneCountry } from '../../shared/phone';

describe('checkPhone', () => {
  const cases: Array<[PhoneCountry, string, string, string?]> = [
    // country, input, expected state, expected msisdn or reason
    ['NO', '', 'empty'],
    ['NO', '912 34 567', 'valid', '4791234567'],
    ['NO', '+47 912 34 567', 'valid', '4791234567'],
    ['NO', '0047 41234567', 'valid', '4741234567'],
    ['NO', '4123', 'incomplete', 'too-short'],
    ['NO', '+4', 'incomplete', 'too-short'],
    ['NO', '22 12 34 56', 'invalid', 'not-mobile'],
    ['NO', '912345678', 'invalid', 'too-long'],
    ['NO', '+45 20 12 34 56', 'invalid', 'other-country'],
    ['NO', '91a', 'invalid', 'characters'],
    ['NO', '-91234567', 'invalid', 'characters'],
    ['NO', '+-4791234567', 'invalid', 'characters'],
    ['NO', '+', 'incomplete', 'too-short'],
    ['NO', '4791234567', 'invalid', 'missing-plus'],
    ['NO', '47 91 23 45 67', 'invalid', 'missing-plus'],
    ['NO', '47123456', 'valid', '4747123456'],
    ['DK', '4520123456', 'invalid', 'missing-plus'],
    ['FI', '358401234567', 'invalid', 'missing-plus'],
    ['DK', '20 12 34 56', 'valid', '4520123456'],
    ['DK', '+45 20123456', 'valid', '4520123456'],
    ['DK', '0123', 'invalid', 'not-mobile'],
    ['DK', '201234567', 'invalid', 'too-long'],
    ['FI', '040 123 4567', 'valid', '358401234567'],
    ['FI', '+358 50 1234567', 'valid', '358501234567'],
    ['FI', '5', 'incomplete', 'too-short'],
    ['FI', '09 123 4567', 'invalid', 'not-mobile'],
    ['FI', '045 12345678', 'valid', '3584512345678'],
    ['FI', '045 123456789', 'invalid', 'too-long'],
  ];

  it.each(cases)('%s %j is %s', (country, input, state, detail) => {
    const check = checkPhone(country, input);
    expect(check.state).toBe(state);
    if (check.state === 'valid') expect(check.msisdn).toBe(detail);
    if (check.state === 'invalid' || check.state === 'incomplete') expect(check.reason).toBe(detail);
  });

  it('gives MSISDNs that match the ePayment phone pattern', () => {
    for (const [country, input] of [['NO', '91234567'], ['DK', '20123456'], ['FI', '0401234567']] as const) {
      expect(toMsisdn(country, input)).toMatch(/^\d{9,15}$/);
    }
  });

  it('refuses to produce an MSISDN for an invalid number', () => {
    expect(() => toMsisdn('NO', '123')).toThrow(/not-mobile/);
  });

  it('formats MSISDNs for people', () => {
    expect(formatMsisdn('4791234567')).toBe('+47 912 34 567');
    expect(formatMsisdn('4520123456')).toBe('+45 20 12 34 56');
    expect(formatMsisdn('358401234567')).toBe('+358 40 1234567');
  });
});
