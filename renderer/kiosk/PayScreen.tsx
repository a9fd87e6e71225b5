import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkPhone, phoneCountries, phoneRules, type PhoneCountry } from '../../shared/phone';
import type { AppError } from '../../shared/result';
import { useBridge } from '../bridge/bridge-context';
import { useIntention } from '../bridge/use-intention';
import type { Purchase, Started } from './KioskApp';

const digits = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/**
 * The customer's mobile number on a big keypad, with the country in front; goods can be paid by a
 * QR code instead. Nothing is sent while Vipps MobilePay cannot be reached: the kiosk says so and
 * takes no order it cannot complete.
 */
export function PayScreen({ purchase, defaultCountry, onStarted, onBack }: { purchase: Purchase; defaultCountry: PhoneCountry; onStarted(started: Started): void; onBack(): void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const startPayment = useIntention('payment.start');
  const startSubscription = useIntention('subscription.start');
  const [country, setCountry] = useState<PhoneCountry>(defaultCountry);
  const [number, setNumber] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [vippsDown, setVippsDown] = useState(false);
  /** Why this number may not sign up here: it already has the plan, or that could not be checked. */
  const [notHere, setNotHere] = useState<'same-plan' | 'unchecked' | null>(null);
  const check = checkPhone(country, number);

  async function start(method: 'push' | 'qr') {
    setBusy(true);
    setError(null);
    const health = await bridge.invoke('vipps.health', { fresh: true });
    if (!health.ok || !health.value.reachable) {
      setBusy(false);
      setVippsDown(true);
      return;
    }
    const phone = { country, number };
    if (purchase.kind === 'plan') {
      // One agreement per subscription: a second one for the same plan would bill the customer twice.
      const check = await bridge.invoke('customers.check', { phone, planId: purchase.plan.id });
      const state = check.ok ? check.value.state : 'unchecked';
      if (state === 'same-plan' || state === 'unchecked') {
        setBusy(false);
        setNotHere(state);
        return;
      }
      const result = await startSubscription({ planId: purchase.plan.id, phone, profileScopes: [] });
      setBusy(false);
      if (result.ok) return onStarted({ kind: 'subscription', sale: result.value });
      return setError(result.error);
    }
    const result = await startPayment(method === 'push' ? { method, phone } : { method });
    setBusy(false);
    if (result.ok) return onStarted({ kind: 'payment', sale: result.value });
    setError(result.error);
  }

  if (notHere) {
    return (
      <section className="kiosk-message" role="alert" data-testid="kiosk-returning" data-state={notHere}>
        <h1 className="kiosk-heading">{notHere === 'same-plan' ? t('kiosk.alreadyTitle') : t('kiosk.uncheckedTitle')}</h1>
        <p>{notHere === 'same-plan' ? t('kiosk.alreadyBody') : t('kiosk.uncheckedBody')}</p>
        <button type="button" className="kiosk-secondary" onClick={onBack}>
          {t('kiosk.back')}
        </button>
      </section>
    );
  }

  if (vippsDown) {
    return (
      <section className="kiosk-message" role="alert" data-testid="kiosk-vipps-down">
        <h1 className="kiosk-heading">{t('kiosk.vippsDownTitle')}</h1>
        <p>{t('kiosk.vippsDownBody')}</p>
        <button type="button" className="kiosk-secondary" onClick={onBack}>
          {t('kiosk.back')}
        </button>
      </section>
    );
  }

  const problem = error?.fields?.phone ?? error?.message ?? (check.state === 'invalid' ? t(`form.phoneProblem.${check.reason}`, { country: t(`form.countryNames.${country}`), example: phoneRules[country].example, callingCode: phoneRules[country].callingCode }) : null);
  return (
    <section className="kiosk-pay" aria-labelledby="kiosk-pay-title">
      <h1 id="kiosk-pay-title" className="kiosk-heading">{t('kiosk.phoneTitle')}</h1>
      <p>{t('kiosk.phoneBody')}</p>
      <div className="kiosk-phone">
        <label className="visually-hidden" htmlFor="kiosk-country">{t('kiosk.country')}</label>
        <select id="kiosk-country" className="kiosk-country" value={country} data-testid="kiosk-country" onChange={(event) => setCountry(event.target.value as PhoneCountry)}>
          {phoneCountries.map((code) => (
            <option key={code} value={code}>
              +{phoneRules[code].callingCode} {t(`form.countryNames.${code}`)}
            </option>
          ))}
        </select>
        <label className="visually-hidden" htmlFor="kiosk-number">{t('kiosk.number')}</label>
        <input
          id="kiosk-number"
          className="kiosk-number"
          inputMode="tel"
          autoComplete="off"
          value={number}
          placeholder={phoneRules[country].example}
          aria-invalid={problem ? true : undefined}
          aria-describedby="kiosk-phone-problem"
          data-testid="kiosk-number"
          onChange={(event) => setNumber(event.target.value)}
        />
      </div>
      <p id="kiosk-phone-problem" className="kiosk-problem" role="alert" data-testid="kiosk-problem">
        {problem}
      </p>
      <div className="kiosk-keypad" role="group" aria-label={t('kiosk.keypad')}>
        {digits.map((digit) => (
          <button key={digit} type="button" className="kiosk-key" onClick={() => setNumber((n) => n + digit)}>
            {digit}
          </button>
        ))}
        <button type="button" className="kiosk-key" aria-label={t('staff.deleteDigit')} onClick={() => setNumber((n) => n.slice(0, -1))}>
          ⌫
        </button>
        <button type="button" className="kiosk-key" onClick={() => setNumber((n) => n + '0')}>
          0
        </button>
        <button type="button" className="kiosk-key kiosk-key--go" disabled={busy || check.state !== 'valid'} data-testid="kiosk-send" onClick={() => void start('push')}>
          {t('kiosk.send')}
        </button>
      </div>
      <div className="kiosk-row">
        <button type="button" className="kiosk-secondary" onClick={onBack} disabled={busy}>
          {t('kiosk.back')}
        </button>
        {purchase.kind === 'goods' && (
          <button type="button" className="kiosk-secondary" data-testid="kiosk-use-qr" disabled={busy} onClick={() => void start('qr')}>
            {t('kiosk.useQr')}
          </button>
        )}
      </div>
    </section>
  );
}
