import { errorText } from '../../i18n/error-text';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Sale } from '../../../shared/sale';
import { useFormat } from '../../format/locale-context';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { errorKind } from '../../ui/error-kind';
import { Icon } from '../../ui/Icon';
import { MoneyField, type FieldFeedback } from '../../ui/MoneyField';
import { useMoneyProblem } from '../../ui/use-money-problem';
import { useRefund } from './use-refund';

interface Props {
  sale: Sale;
  refundable: number;
  onChanged(sale: Sale): void;
}

/** A full or partial refund, typed in major units, confirmed in a dialog, repeatable. */
export function RefundForm({ sale, refundable, onChanged }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const describeProblem = useMoneyProblem();
  const currency = sale.totals.currency;
  const money = (amount: number) => format.money(amount, currency);
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const [asking, setAsking] = useState<number | null>(null);
  const { refund, refunding, error, clearError, approvalDialog } = useRefund(sale.id, onChanged);
  const errorRef = useRef<HTMLDivElement>(null);

  // The detail can be longer than the screen: bring the answer into view.
  useEffect(() => {
    if (error) errorRef.current?.scrollIntoView({ block: 'nearest' });
  }, [error]);

  const parsed = format.parseMoney(text, currency);
  const amount = parsed.state === 'valid' ? parsed.amount : null;
  const problem =
    parsed.state === 'invalid'
      ? describeProblem(parsed.reason, currency)
      : amount !== null && amount > refundable
        ? t('refund.tooMuch', { max: money(refundable) })
        : tried && parsed.state === 'empty'
          ? t('refund.needAmount')
          : tried && amount === 0
            ? t('refund.zero')
            : null;
  // One place for what is wrong: the core's answer when there is one, else the field's.
  const feedback: FieldFeedback = problem
    ? { kind: 'error', text: problem, ...(error ? {} : { testId: 'refund-error' }) }
    : { kind: 'hint', text: t('refund.hint', { example: format.moneyInput(Math.min(refundable, 5000), currency) }) };

  function edit(next: string) {
    setText(next);
    setTried(false);
    clearError();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (amount === null || amount <= 0 || amount > refundable) {
      setTried(true);
      return;
    }
    setAsking(amount);
  }

  return (
    <>
      <form className="refund-form" onSubmit={submit} noValidate>
        <fieldset className="refund-fields" disabled={refunding}>
          <MoneyField
            label={t('refund.amount')}
            unit={currency}
            placeholder={format.moneyInput(refundable, currency)}
            testId="refund-amount"
            value={text}
            feedback={feedback}
            onChange={edit}
          />
          <div className="refund-actions">
            <button type="button" className="button button--secondary" data-testid="refund-full" onClick={() => edit(format.moneyInput(refundable, currency))}>
              {t('refund.full', { amount: money(refundable) })}
            </button>
            <button type="submit" className="button button--danger-outline" data-testid="refund-submit">
              {refunding ? t('refund.refunding') : t('refund.submit')}
            </button>
          </div>
        </fieldset>

        {error && (
          <div ref={errorRef} className="notice notice--error" role="alert" data-testid="refund-error" data-code={error.error.code}>
            <Icon name="alert" />
            <div className="notice-body">
              <p className="notice-title">
                {error.uncertain ? t('refund.errorTitle.uncertain') : error.error.code === 'PAYMENT_REFUSED' ? t('refund.errorTitle.refused') : t(`refund.errorTitle.${errorKind(error.error.code)}`)}
              </p>
              <p>{errorText(error.error)}</p>
              {error.uncertain && <p>{t('refund.checkList')}</p>}
            </div>
          </div>
        )}

        {asking !== null && (
          <ConfirmDialog
            title={t('refund.confirmTitle', { amount: money(asking) })}
            body={t('refund.confirmBody', { amount: money(asking), receipt: sale.receiptNumber })}
            cancelLabel={t('refund.dontRefund')}
            confirmLabel={t('refund.confirm', { amount: money(asking) })}
            confirmTestId="refund-confirm"
            busy={refunding}
            onCancel={() => setAsking(null)}
            onConfirm={async () => {
              // The confirmation closes first, so a manager's approval (for a cashier) has the screen.
              const amount = asking;
              setAsking(null);
              const done = await refund(amount, t('refund.confirm', { amount: money(amount) }));
              if (done) setText('');
            }}
          />
        )}
      </form>
      {/* Outside the form: the approval has a form of its own (forms do not nest). */}
      {approvalDialog}
    </>
  );
}
