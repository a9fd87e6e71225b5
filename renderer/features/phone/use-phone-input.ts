import { useState } from 'react';
import { checkPhone, type PhoneCountry } from '../../../shared/phone';
import { usePhoneFeedback } from './use-phone-feedback';

/**
 * The state behind a PhoneField: what was typed, whether it is a mobile number, and what to say
 * under it. `fromCore` is the core's message about the number (e.g. "no user with this number").
 */
export function usePhoneInput(defaultCountry: PhoneCountry, fromCore: string | null) {
  const [country, setCountry] = useState<PhoneCountry>(defaultCountry);
  const [number, setNumber] = useState('');
  const [triedToSend, setTriedToSend] = useState(false);
  const check = checkPhone(country, number);
  const feedback = usePhoneFeedback(country, check, triedToSend, fromCore);
  return { country, number, check, feedback, setCountry, setNumber, setTriedToSend };
}

export type PhoneInputState = ReturnType<typeof usePhoneInput>;
