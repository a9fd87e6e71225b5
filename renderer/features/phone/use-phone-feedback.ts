import { useTranslation } from 'react-i18next';
import { formatMsisdn, phoneRules, type PhoneCheck, type PhoneCountry } from '../../../shared/phone';

export type PhoneFeedback = { kind: 'hint' | 'error' | 'ok'; text: string };

/**
 * What to say under the phone field. While the number is merely incomplete the tone stays
 * neutral ("keep typing"): shouting "too short" at every keystroke teaches cashiers to ignore red.
 * "Too short" only appears once they try to send. A message from the core wins over all of it.
 */
export function usePhoneFeedback(country: PhoneCountry, check: PhoneCheck, triedToSend: boolean, fromCore: string | null): PhoneFeedback {
  const { t } = useTranslation();
  if (fromCore) return { kind: 'error', text: fromCore };
  const example = phoneRules[country].example;
  const countryName = t(`form.countryNames.${country}`);
  switch (check.state) {
    case 'empty':
      return triedToSend ? { kind: 'error', text: t('form.needPhone') } : { kind: 'hint', text: t('form.phoneExample', { example }) };
    case 'incomplete':
      return triedToSend ? { kind: 'error', text: t('form.phoneProblem.too-short') } : { kind: 'hint', text: t('form.keepTyping') };
    case 'invalid':
      return { kind: 'error', text: t(`form.phoneProblem.${check.reason}`, { country: countryName, example, callingCode: phoneRules[country].callingCode }) };
    case 'valid':
      return { kind: 'ok', text: t('form.phoneValid', { number: formatMsisdn(check.msisdn) }) };
  }
}
