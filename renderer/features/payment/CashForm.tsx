import { errorText } from '../../i18n/error-text';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Currency } from '../../../shared/money';
import type { PhoneCountry } from '../../../shared/phone';
import { roundCash } from '../../../shared/cash-rounding';
import type { AppError } from '../../../shared/result';
import { useFormat } from '../../format/locale-context';
import { Icon } from '../../ui/Icon';
import { MoneyField, type FieldFeedback } from '../../ui/MoneyField';
import { useMoneyProblem } from '../../ui/use-money-problem';
import { cashCeiling } from '../../../shared/cash';
import { cashSuggestions } from './cash-suggestions';
import { CashDue } from './CashDue';

interface Props {
  total: number;
  currency: Currency;
  /** The shop's country: cash is paid in its smallest coin. */
  country: PhoneCountry;
  maxOverTotal: number;
  canPay: boolean;
  paying: boolean;
  coreError: AppError | null;
  onPay(tendered: number): void;
  onEdited(): void;
  onBack(): void;
}

/**
 * What the customer handed over, the change due as it is typed, and then the cash sale. Cash is
 * paid in the country's smallest coin: when the total is not a whole number of them, the form
 * shows the total, the rounding line and the amount to pay in cash, and counts from that.
 */
export function CashForm({ total, currency, country, maxOverTotal, canPay, paying, coreError, onPay, onEdited, onBack }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const describeProblem = useMoneyProblem();
  const headingId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);

  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  const money = (amount: number) => format.money(amount, currency);
  const cash = roundCash(total, currency, country);
  const due = cash.rounded;
  const parsed = format.parseMoney(text, currency);
  const tendered = parsed.state === 'valid' ? parsed.amount : null;
  const tooMuch = tendered !== null && tendered > cashCeiling(due, currency, maxOverTotal);
  const change = tendered !== null && tendered >= due && !tooMuch ? tendered - due : null;
  const missing = tendered !== null && tendered < due ? due - tendered : null;

  function feedback(): FieldFeedback | null {
    const error = (message: string): FieldFeedback => ({ kind: 'error', text: message, testId: 'cash-error' });
    if (coreError) return error(errorText(coreError));
    if (parsed.state === 'invalid') return error(describeProblem(parsed.reason, currency));
    if (tooMuch) return error(t('cash.tooMuch', { total: money(due) }));
    if (tried && parsed.state === 'empty') return error(t('cash.needAmount'));
    if (tried && missing !== null) return error(t('cash.tooLittle', { total: money(due), missing: money(missing) }));
    if (missing !== null) return { kind: 'hint', text: t('cash.missing', { missing: money(missing) }) };
    return { kind: 'hint', text: t('cash.hint', { example: format.moneyInput(due, currency) }) };
  }

  function edit(next: string) {
    setText(next);
    setTried(false);
    onEdited();
  }

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (tendered === null || tendered < due || tooMuch || !canPay) {
      setTried(true);
      inputRef.current?.focus();
      return;
    }
    onPay(tendered);
  }

  return (
    <form className="pay-form" onSubmit={submit} aria-labelledby={headingId} noValidate>
      <div className="pay-form-head">
        <button type="button" className="button button--ghost" data-testid="pay-back" onClick={onBack} disabled={paying}>
          <Icon name="back" />
          {t('payment.back')}
        </button>
        <h3 className="pay-form-title" id={headingId}>{t('cash.heading')}</h3>
      </div>
      {cash.rounding !== 0 && <CashDue rounding={cash} />}
      <fieldset className="pay-form-fields" disabled={paying}>
        <MoneyField
          inputRef={inputRef}
          label={t('cash.tendered')}
          unit={currency}
          placeholder={format.moneyInput(due, currency)}
          testId="cash-tendered"
          value={text}
          feedback={feedback()}
          onChange={edit}
        />
        <div className="quick-amounts" role="group" aria-label={t('cash.quickLabel')}>
          <button type="button" className="button button--secondary" data-testid="cash-exact" onClick={() => edit(format.moneyInput(due, currency))}>
            {t('cash.exact', { amount: money(due) })}
          </button>
          {cashSuggestions(due, currency).map((amount) => (
            <button key={amount} type="button" className="button button--secondary" data-testid={`cash-quick-${amount}`} onClick={() => edit(format.moneyInput(amount, currency))}>
              {money(amount)}
            </button>
          ))}
        </div>
      </fieldset>
      <p className={`cash-change${change !== null ? ' cash-change--due' : ''}`} aria-live="polite">
        <span>{t('cash.change')}</span>
        <strong data-testid="cash-change">{change !== null ? money(change) : '–'}</strong>
      </p>
      <button type="submit" className="button button--primary button--large" data-testid="cash-confirm" disabled={paying || !canPay}>
        <Icon name="cash" />
        {paying ? t('cash.recording') : t('cash.confirm')}
      </button>
    </form>
  );
}
