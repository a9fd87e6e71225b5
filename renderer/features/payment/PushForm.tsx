import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhoneCountry, PhoneInput } from '../../../shared/phone';
import { Icon } from '../../ui/Icon';
import { PhoneField } from '../phone/PhoneField';
import { usePhoneInput } from '../phone/use-phone-input';

interface Props {
  defaultCountry: PhoneCountry;
  amount: string;
  canPay: boolean;
  sending: boolean;
  /** The core's message about the number (e.g. no Vipps MobilePay user), shown on the field. */
  phoneError: string | null;
  /** Vipps MobilePay is being asked whether it answers: nothing is sent until it has said. */
  checkingVipps: boolean;
  /** Vipps MobilePay does not answer: nothing can be sent. */
  vippsDown: boolean;
  /** Shown under the heading, before the number (the "not answering" notice). */
  children?: ReactNode;
  onSend(phone: PhoneInput): void;
  onEdited(): void;
  onBack(): void;
}

/** Vipps MobilePay to the customer's phone: the same number field as the subscription form. */
export function PushForm({ defaultCountry, amount, canPay, sending, phoneError, checkingVipps, vippsDown, children, onSend, onEdited, onBack }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const blockedId = useId();
  const phone = usePhoneInput(defaultCountry, phoneError);
  const phoneRef = useRef<HTMLInputElement>(null);
  const valid = phone.check.state === 'valid';
  const vippsReady = !checkingVipps && !vippsDown;

  useEffect(() => {
    phoneRef.current?.focus();
  }, []);
  // The locked fieldset dropped focus while sending; a number the core refused is the next thing to fix.
  useEffect(() => {
    if (phoneError) phoneRef.current?.focus();
  }, [phoneError]);

  function send(event?: FormEvent) {
    event?.preventDefault();
    if (!valid || !canPay) {
      phone.setTriedToSend(true);
      return;
    }
    if (!vippsReady) return;
    onSend({ country: phone.country, number: phone.number.trim() });
  }

  function edited() {
    phone.setTriedToSend(false);
    onEdited();
  }

  return (
    <form className="pay-form" onSubmit={send} aria-labelledby={headingId} noValidate>
      <div className="pay-form-head">
        <button type="button" className="button button--ghost" data-testid="pay-back" onClick={onBack} disabled={sending}>
          <Icon name="back" />
          {t('payment.back')}
        </button>
        <h3 className="pay-form-title" id={headingId}>{t('payment.push.heading')}</h3>
      </div>
      {children}
      <fieldset className="pay-form-fields" disabled={sending}>
        <PhoneField
          inputRef={phoneRef}
          testIdPrefix="payment-"
          country={phone.country}
          number={phone.number}
          feedback={phone.feedback}
          onCountryChange={(next) => {
            phone.setCountry(next);
            edited();
          }}
          onNumberChange={(next) => {
            phone.setNumber(next);
            edited();
          }}
          onEnter={(event) => {
            // A disabled submit button blocks Enter-to-submit, which would swallow the reason.
            if (!valid) {
              event.preventDefault();
              phone.setTriedToSend(true);
            }
          }}
        />
      </fieldset>
      <button
        type="submit"
        className="button button--primary button--large"
        data-testid="send-payment"
        disabled={!valid || !canPay || sending || !vippsReady}
        aria-describedby={!valid ? blockedId : undefined}
      >
        <Icon name="phone" />
        {sending ? t('payment.push.sending') : checkingVipps ? t('payment.checkingVipps') : t('payment.push.send', { amount })}
      </button>
      {!valid && (
        <p className="muted send-blocked" id={blockedId}>
          {t('form.needPhone')}
        </p>
      )}
    </form>
  );
}
