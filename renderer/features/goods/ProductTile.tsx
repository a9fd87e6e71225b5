import { useTranslation } from 'react-i18next';
import type { Product } from '../../../shared/product';
import { useFormat } from '../../format/locale-context';

interface Props {
  product: Product;
  inCart: number;
  disabled: boolean;
  onAdd(productId: string): void;
}

/** One product as a big button: a tap adds one to the cart. */
export function ProductTile({ product, inCart, disabled, onAdd }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <li>
      <button
        type="button"
        className={`product-tile${inCart > 0 ? ' product-tile--in-cart' : ''}`}
        data-testid={`product-${product.id}`}
        disabled={disabled}
        onClick={() => onAdd(product.id)}
      >
        <span className="product-name">{product.name}</span>
        <span className="product-price">{format.money(product.unitPrice, product.currency)}</span>
        <span className="product-meta">
          <span>{t('goods.vatRate', { rate: format.vatRate(product.vatRate) })}</span>
          {inCart > 0 && <span className="badge badge--count">{t('goods.inCart', { quantity: format.number(inCart) })}</span>}
        </span>
      </button>
    </li>
  );
}
