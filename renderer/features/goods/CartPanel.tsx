import { errorText } from '../../i18n/error-text';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/locale-context';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Icon } from '../../ui/Icon';
import { CartLineRow } from './CartLineRow';
import type { CartState } from './use-cart';
import { useLastChangedLine } from './use-last-changed-line';
import { VatTable } from './VatTable';

interface Props {
  cart: CartState;
  /** The pay buttons, below the total. */
  children: ReactNode;
}

/** See, correct, pay: the cart's lines, the total with VAT per rate, and the pay buttons underneath. */
export function CartPanel({ cart: state, children }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const [askingClear, setAskingClear] = useState(false);
  const { cart } = state;
  const lines = cart?.lines ?? [];
  const count = lines.reduce((sum, line) => sum + line.quantity, 0);
  const latest = useLastChangedLine(cart);

  return (
    <section className="panel cart-panel" aria-labelledby={headingId}>
      <div className="panel-head">
        <h2 className="panel-title" id={headingId}>
          {t('cart.heading')}
          {count > 0 && <span className="cart-count"> · {t('cart.items', { count, quantity: format.number(count) })}</span>}
        </h2>
        <button type="button" className="button button--ghost" data-testid="clear-cart" disabled={lines.length === 0} onClick={() => setAskingClear(true)}>
          {t('cart.clear')}
        </button>
      </div>

      {state.error && (
        <div className="notice notice--error" role="alert" data-testid="cart-error">
          <Icon name="alert" />
          <span>{errorText(state.error)}</span>
        </div>
      )}

      {!cart && <p className="muted" role="status">{t('cart.loading')}</p>}
      {cart && lines.length === 0 && <p className="cart-empty">{t('cart.empty')}</p>}
      {lines.length > 0 && (
        <ul className="cart-lines" aria-label={t('cart.linesLabel')}>
          {lines.map((line) => (
            <CartLineRow
              key={line.productId}
              line={line}
              latest={line.productId === latest}
              currency={cart!.totals.currency}
              onIncrement={(id) => void state.increment(id)}
              onDecrement={(id) => void state.decrement(id)}
              onRemove={(id) => void state.remove(id)}
            />
          ))}
        </ul>
      )}

      <div className="cart-foot">
        {cart && lines.length > 0 && (
          <div className="cart-totals">
            <VatTable totals={cart.totals} rowTestIdPrefix="vat-row-" />
            <p className="cart-total">
              <span>{t('cart.total')}</span>
              <strong data-testid="cart-total">{format.money(cart.totals.total, cart.totals.currency)}</strong>
            </p>
          </div>
        )}
        {children}
      </div>

      {askingClear && (
        <ConfirmDialog
          title={t('cart.clearTitle')}
          body={t('cart.clearBody')}
          cancelLabel={t('cart.keep')}
          confirmLabel={t('cart.confirmClear')}
          confirmTestId="confirm-clear-cart"
          onCancel={() => setAskingClear(false)}
          onConfirm={async () => {
            await state.clear();
            setAskingClear(false);
          }}
        />
      )}
    </section>
  );
}
