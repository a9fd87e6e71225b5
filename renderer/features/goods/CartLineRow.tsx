import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_LINE_QUANTITY, type CartLine } from '../../../shared/cart';
import type { Currency } from '../../../shared/money';
import { useFormat } from '../../format/locale-context';
import { Icon } from '../../ui/Icon';

interface Props {
  line: CartLine;
  /** The line the last scan or tap touched: kept in view and marked. */
  latest: boolean;
  currency: Currency;
  onIncrement(productId: string): void;
  onDecrement(productId: string): void;
  onRemove(productId: string): void;
}

export function CartLineRow({ line, latest, currency, onIncrement, onDecrement, onRemove }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = line.productId;
  const ref = useRef<HTMLLIElement>(null);

  useEffect(() => {
    if (latest) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [latest, line.quantity]);

  return (
    <li ref={ref} className={`cart-line${latest ? ' cart-line--latest' : ''}`} data-testid={`cart-line-${id}`}>
      <div className="cart-line-info">
        <span className="cart-line-name">{line.name}</span>
        <span className="cart-line-unit">
          {t('cart.unitLine', { price: format.money(line.unitPrice, currency) })}
        </span>
      </div>
      <div className="stepper" role="group" aria-label={t('cart.quantityOf', { name: line.name })}>
        <button type="button" className="stepper-button" data-testid={`dec-${id}`} aria-label={t('cart.decrease', { name: line.name })} onClick={() => onDecrement(id)}>
          <Icon name="minus" />
        </button>
        <span className="stepper-value" data-testid={`qty-${id}`}>{format.number(line.quantity)}</span>
        <button
          type="button"
          className="stepper-button"
          data-testid={`inc-${id}`}
          aria-label={t('cart.increase', { name: line.name })}
          disabled={line.quantity >= MAX_LINE_QUANTITY}
          onClick={() => onIncrement(id)}
        >
          <Icon name="plus" />
        </button>
      </div>
      <span className="cart-line-total">{format.money(line.total, currency)}</span>
      <button type="button" className="icon-button icon-button--danger" data-testid={`remove-${id}`} aria-label={t('cart.remove', { name: line.name })} onClick={() => onRemove(id)}>
        <Icon name="trash" />
      </button>
    </li>
  );
}
