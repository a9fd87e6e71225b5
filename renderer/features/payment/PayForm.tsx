import { errorText } from '../../i18n/error-text';
import type { Cart } from '../../../shared/cart';
import type { PhoneCountry } from '../../../shared/phone';
import { useFormat } from '../../format/locale-context';
import { CashForm } from './CashForm';
import { PaymentError } from './PaymentError';
import { PushForm } from './PushForm';
import type { PayFlow } from './use-pay-flow';
import { VippsUnreachable } from './VippsUnreachable';

interface Props {
  pay: PayFlow;
  cart: Cart;
  defaultCountry: PhoneCountry;
  cashMaxOverTotal: number;
}

/** The push or cash form, given the room the goods had: the cart and its total stay in view beside it. */
export function PayForm({ pay, cart, defaultCountry, cashMaxOverTotal }: Props) {
  const format = useFormat();
  const canPay = cart.lines.length > 0;
  const clearError = () => {
    if (pay.error) pay.clearError();
  };
  const back = () => pay.open('choose');

  if (pay.mode === 'push') {
    const error = pay.error?.method === 'push' ? pay.error.error : null;
    // A problem with the number belongs on the field; anything else in the alert under the form.
    const phoneError = error?.fields?.phone ? errorText(error) : null;
    return (
      <>
        <PushForm
          defaultCountry={defaultCountry}
          amount={format.money(cart.totals.total, cart.totals.currency)}
          canPay={canPay}
          sending={pay.starting === 'push'}
          phoneError={phoneError}
          checkingVipps={pay.health.checking}
          vippsDown={pay.health.unreachable}
          onSend={(phone) => void pay.start({ method: 'push', phone })}
          onEdited={clearError}
          onBack={back}
        >
          {pay.health.unreachable && (
            <VippsUnreachable urgent checking={pay.health.checking} onRetry={pay.retryHealth} onCash={() => pay.open('cash')} />
          )}
        </PushForm>
        {error && !phoneError && <PaymentError error={error} offering={pay.starting === 'qr' || pay.checkingQr} onOfferQr={() => void pay.startQr()} />}
      </>
    );
  }
  if (pay.mode === 'cash') {
    return (
      <CashForm
        total={cart.totals.total}
        currency={cart.totals.currency}
        country={defaultCountry}
        maxOverTotal={cashMaxOverTotal}
        canPay={canPay}
        paying={pay.starting === 'cash'}
        coreError={pay.error?.method === 'cash' ? pay.error.error : null}
        onPay={(tendered) => void pay.payCash(tendered)}
        onEdited={clearError}
        onBack={back}
      />
    );
  }
  return null;
}
