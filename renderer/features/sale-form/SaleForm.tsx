import { errorText } from '../../i18n/error-text';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../../../shared/catalogue';
import type { PhoneCountry } from '../../../shared/phone';
import type { ProfileScope, SubscriptionSale } from '../../../shared/subscription';
import { Icon } from '../../ui/Icon';
import { PhoneField } from '../phone/PhoneField';
import { usePhoneInput } from '../phone/use-phone-input';
import { PlanSummary } from '../plans/PlanSummary';
import { FormError } from './FormError';
import { ProfileScopeFields } from './ProfileScopeFields';
import { useStartSale } from './use-start-sale';

interface Props {
  plan: Plan | null;
  defaultCountry: PhoneCountry;
  onStarted(sale: SubscriptionSale): void;
}

export function SaleForm({ plan, defaultCountry, onStarted }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const blockedId = useId();
  const [scopes, setScopes] = useState<ProfileScope[]>([]);
  const { start, submitting, error, clearError } = useStartSale(onStarted);
  // The core names the field; the words are the error's own reason in the active language.
  const phoneFromCore = error?.fields?.phone ? errorText(error) : null;
  const { country, number, check, feedback, setCountry, setNumber, setTriedToSend } = usePhoneInput(defaultCountry, phoneFromCore);

  const phoneRef = useRef<HTMLInputElement>(null);
  const sendRef = useRef<HTMLButtonElement>(null);
  const blockedBy = !plan ? t('form.needPlan') : check.state !== 'valid' ? t('form.needPhone') : null;

  // The locked fieldset dropped focus while sending; put it back where the cashier acts next.
  useEffect(() => {
    if (!error) return;
    if (error.fields?.phone) phoneRef.current?.focus();
    else sendRef.current?.focus();
  }, [error]);

  function send(event?: FormEvent) {
    event?.preventDefault();
    if (!plan || check.state !== 'valid') {
      setTriedToSend(true);
      return;
    }
    void start({ planId: plan.id, phone: { country, number: number.trim() }, profileScopes: scopes });
  }

  function edited() {
    setTriedToSend(false);
    if (error) clearError();
  }

  return (
    <form className="sale-form" onSubmit={send} aria-labelledby={headingId} noValidate>
      <h2 className="panel-title" id={headingId}>{t('form.heading')}</h2>
      {/* A disabled fieldset locks every input at once while the request is out. */}
      <fieldset className="sale-form-fields" disabled={submitting}>
        <div className="selected-plan">
          <p className="field-label">{t('form.selectedPlan')}</p>
          {plan ? <PlanSummary plan={plan} compact /> : <p className="muted">{t('form.noPlan')}</p>}
        </div>
        <PhoneField
          inputRef={phoneRef}
          country={country}
          number={number}
          feedback={feedback}
          onCountryChange={(next) => {
            setCountry(next);
            edited();
          }}
          onNumberChange={(next) => {
            setNumber(next);
            edited();
          }}
          onEnter={(event) => {
            // A disabled submit button blocks Enter-to-submit, which would swallow the reason.
            if (!plan || check.state !== 'valid') {
              event.preventDefault();
              setTriedToSend(true);
            }
          }}
        />
        <ProfileScopeFields selected={scopes} onChange={setScopes} />
      </fieldset>

      <div className="send-area">
        {error && !phoneFromCore && <FormError error={error} />}
        <button
          ref={sendRef}
          type="submit"
          className="button button--primary button--large"
          data-testid="send-to-phone"
          disabled={!plan || check.state !== 'valid' || submitting}
          aria-describedby={blockedBy ? blockedId : undefined}
        >
          <Icon name="phone" />
          {submitting ? t('form.sending') : t('form.send')}
        </button>
        {blockedBy && (
          <p className="muted send-blocked" id={blockedId}>
            {blockedBy}
          </p>
        )}
      </div>
    </form>
  );
}
