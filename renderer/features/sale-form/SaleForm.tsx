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
import type { ReturningCheck } from '../../../shared/agreements';
import { useBridge } from '../../bridge/bridge-context';
import { ReturningNotice } from '../customers/ReturningNotice';
import type { AgreementAction } from '../customers/AgreementCard';

interface Props {
  plan: Plan | null;
  defaultCountry: PhoneCountry;
  onStarted(sale: SubscriptionSale): void;
  /** A returning customer: open their agreement on the customers screen instead. */
  onOpenAgreement?(agreementId: string, action: AgreementAction): void;
}

export function SaleForm({ plan, defaultCountry, onStarted, onOpenAgreement }: Props) {
  const bridge = useBridge();
  const [returning, setReturning] = useState<{ key: string; check: ReturningCheck } | null>(null);
  const [checking, setChecking] = useState(false);
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
    const request = { planId: plan.id, phone: { country, number: number.trim() }, profileScopes: scopes };
    const key = `${plan.id}|${country}|${check.msisdn}`;
    // Asked once per plan and number: "send anyway" after the answer sends without asking again.
    if (returning?.key === key) {
      if (returning.check.state === 'same-plan') return;
      setReturning(null);
      void start(request);
      return;
    }
    void (async () => {
      setChecking(true);
      const answer = await bridge.invoke('customers.check', { phone: request.phone, planId: plan.id });
      setChecking(false);
      const found: ReturningCheck = answer.ok ? answer.value : { state: 'unchecked', agreements: [] };
      if (found.state === 'clear') return void start(request);
      setReturning({ key, check: found });
    })();
  }

  function edited() {
    setTriedToSend(false);
    setReturning(null);
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
        {returning && (
          <ReturningNotice check={returning.check} onOpen={(agreementId, action) => onOpenAgreement?.(agreementId, action)} onSendAnyway={() => send()} />
        )}
        <button
          ref={sendRef}
          type="submit"
          className="button button--primary button--large"
          data-testid="send-to-phone"
          disabled={!plan || check.state !== 'valid' || submitting || checking || returning?.check.state === 'same-plan'}
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
