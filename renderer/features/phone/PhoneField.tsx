import { useId, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { phoneCountries, phoneRules, type PhoneCountry } from '../../../shared/phone';
import type { PhoneFeedback } from './use-phone-feedback';

interface Props {
  country: PhoneCountry;
  number: string;
  feedback: PhoneFeedback;
  onCountryChange(country: PhoneCountry): void;
  onNumberChange(number: string): void;
  onEnter(event: KeyboardEvent<HTMLInputElement>): void;
  inputRef?: Ref<HTMLInputElement>;
  /** Prefixes the test ids, so two forms on one page stay apart ("payment-" -> payment-phone-input). */
  testIdPrefix?: string;
}

/** Country and mobile number, checked as typed: used by the subscription form and the push payment. */
export function PhoneField({ country, number, feedback, onCountryChange, onNumberChange, onEnter, inputRef, testIdPrefix = '' }: Props) {
  const { t } = useTranslation();
  const countryId = useId();
  const phoneId = useId();
  const feedbackId = useId();

  return (
    <div className="field-row">
      <div className="field field--country">
        <label className="field-label" htmlFor={countryId}>{t('form.country')}</label>
        <select
          id={countryId}
          className="select"
          data-testid={`${testIdPrefix}country-select`}
          value={country}
          onChange={(event) => onCountryChange(event.target.value as PhoneCountry)}
        >
          {phoneCountries.map((code) => (
            <option key={code} value={code}>
              {t(`form.countries.${code}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field field--phone">
        <label className="field-label" htmlFor={phoneId}>{t('form.phone')}</label>
        <input
          ref={inputRef}
          id={phoneId}
          className={`input input--phone${feedback.kind === 'error' ? ' input--invalid' : ''}`}
          type="tel"
          inputMode="tel"
          autoComplete="off"
          spellCheck={false}
          maxLength={40}
          placeholder={phoneRules[country].example}
          data-testid={`${testIdPrefix}phone-input`}
          value={number}
          aria-invalid={feedback.kind === 'error'}
          aria-describedby={feedbackId}
          onChange={(event) => onNumberChange(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') onEnter(event);
          }}
        />
        {/* Polite live region: the text changes only when the state does, not on every digit. */}
        <div id={feedbackId} className={`field-feedback field-feedback--${feedback.kind}`} aria-live="polite">
          <span data-testid={`${testIdPrefix}${feedback.kind === 'error' ? 'phone-error' : 'phone-hint'}`}>{feedback.text}</span>
        </div>
      </div>
    </div>
  );
}
