import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementView, CustomerLookup, CustomerQuery } from '../../../shared/agreements';
import type { PhoneCountry } from '../../../shared/phone';
import type { AppError } from '../../../shared/result';
import { useBridge } from '../../bridge/bridge-context';
import { PhoneField } from '../phone/PhoneField';
import { usePhoneInput } from '../phone/use-phone-input';
import type { Catalogue } from '../plans/use-catalogue';
import { AgreementCard, type AgreementAction } from './AgreementCard';

export interface CustomerFocus {
  agreementId: string;
  action: AgreementAction;
}

interface Props {
  catalogue: Catalogue;
  defaultCountry: PhoneCountry;
  /** Opened from the sale form for a returning customer: this agreement, this action. */
  focus: CustomerFocus | null;
}

/** Find a subscriber by phone, subscriber id or agreement id, and serve them. */
export function CustomersScreen({ catalogue, defaultCountry, focus }: Props) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const headingId = useId();
  const idFieldId = useId();
  const phone = usePhoneInput(defaultCountry, null);
  const [idText, setIdText] = useState(focus?.agreementId ?? '');
  const [query, setQuery] = useState<CustomerQuery | null>(focus ? { agreementId: focus.agreementId } : null);
  const [result, setResult] = useState<CustomerLookup | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [searching, setSearching] = useState(false);
  const { load } = catalogue;
  const plans = catalogue.catalogue?.plans ?? [];

  useEffect(() => {
    void load();
  }, [load]);

  const search = useCallback(async () => {
    if (!query) return;
    setSearching(true);
    const answer = await bridge.invoke('customers.lookup', query);
    setSearching(false);
    if (answer.ok) {
      setResult(answer.value);
      setError(null);
    } else {
      setResult(null);
      setError(answer.error);
    }
  }, [bridge, query]);

  useEffect(() => {
    void search();
  }, [search]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const id = idText.trim();
    if (id) setQuery(id.startsWith('SUB-') ? { subscriberId: id } : { agreementId: id });
    else if (phone.check.state === 'valid') setQuery({ phone: { country: phone.country, number: phone.number.trim() } });
    else phone.setTriedToSend(true);
  }

  const agreementsFound = result ? result.subscribers.reduce((n, s) => n + s.agreements.length, 0) + result.unlisted.length : 0;

  /** One agreement, wherever it was found (a subscriber's, or one billing did not list). */
  const card = (agreement: AgreementView) => (
    <AgreementCard
      key={agreement.agreementId}
      agreement={agreement}
      plans={plans}
      initialAction={focus?.agreementId === agreement.agreementId ? focus.action : null}
      onChanged={() => void search()}
    />
  );

  return (
    <div className="customers">
      <section className="panel" aria-labelledby={headingId}>
        <h2 className="panel-title" id={headingId}>
          {t('customers.heading')}
        </h2>
        <form className="customer-search" onSubmit={submit} noValidate>
          <PhoneField
            country={phone.country}
            number={phone.number}
            feedback={phone.feedback}
            testIdPrefix="customer-"
            onCountryChange={phone.setCountry}
            onNumberChange={(next) => {
              phone.setNumber(next);
              if (next) setIdText('');
            }}
            onEnter={() => undefined}
          />
          <div className="field">
            <label className="field-label" htmlFor={idFieldId}>
              {t('customers.idLabel')}
            </label>
            <input id={idFieldId} className="text-input" data-testid="customer-id-input" value={idText} onChange={(e) => setIdText(e.target.value)} placeholder={t('customers.idPlaceholder')} />
          </div>
          <button type="submit" className="button button--primary" data-testid="customer-search" disabled={searching}>
            {searching ? t('customers.searching') : t('customers.search')}
          </button>
        </form>
      </section>

      {error && (
        <p className="notice notice--error" role="alert" data-testid="customer-error" data-code={error.code}>
          {error.message}
        </p>
      )}
      {result && (
        <section className="customer-results" aria-label={t('customers.results')} data-testid="customer-results">
          {result.billing === 'unavailable' && (
            <p className="notice notice--warning" role="status" data-testid="billing-unavailable">
              {t('customers.billingUnavailable')}
            </p>
          )}
          {agreementsFound === 0 && result.subscribers.length === 0 && <p data-testid="customer-none">{t('customers.none')}</p>}
          {result.subscribers.map((subscriber) => (
            <div key={subscriber.subscriberId} className="subscriber" data-testid={`subscriber-${subscriber.subscriberId}`}>
              <h3 className="subscriber-name" data-testid="subscriber-name">
                {subscriber.contact.name ?? t('customers.noName')}
              </h3>
              <p className="muted">
                {[`+${subscriber.phoneNumber}`, subscriber.contact.email, subscriber.contact.address, subscriber.contact.birthDate].filter(Boolean).join(' · ')}
              </p>
              <p className="muted">
                {t('customers.ids', { subscriber: subscriber.subscriberId, accounts: subscriber.accounts.map((a) => a.accountId).join(', ') })}
              </p>
              {subscriber.agreements.map(card)}
            </div>
          ))}
          {result.unlisted.map(card)}
        </section>
      )}
    </div>
  );
}
