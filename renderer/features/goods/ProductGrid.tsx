import { errorText } from '../../i18n/error-text';
import { useId } from 'react';
import { WarningNotice } from '../../ui/WarningNotice';
import { useTranslation } from 'react-i18next';
import type { Cart } from '../../../shared/cart';
import { useFormat } from '../../format/locale-context';
import { Icon } from '../../ui/Icon';
import { ProductTile } from './ProductTile';
import { RejectedProductTile } from './RejectedProductTile';
import type { Products } from './use-products';

interface Props {
  products: Products;
  cart: Cart | null;
  onAdd(productId: string): void;
}

export function ProductGrid({ products, cart, onAdd }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const list = products.catalogue;
  const inCart = (productId: string) => cart?.lines.find((line) => line.productId === productId)?.quantity ?? 0;

  return (
    <div className="products">
      <div className="panel-head">
        <h2 className="panel-title" id={headingId}>{t('goods.heading')}</h2>
        <button type="button" className="button button--ghost" onClick={() => void products.load(true)} disabled={products.loading}>
          <Icon name="refresh" />
          {products.loading && list ? t('goods.refreshing') : t('goods.refresh')}
        </button>
      </div>

      {list?.source === 'cache' && (
        <WarningNotice testId="products-from-cache">{list.fetchedAt === null ? t('goods.fromCacheUnknown') : t('goods.fromCache', { when: format.dateTime(list.fetchedAt) })}</WarningNotice>
      )}
      {products.error && (
        <p className="notice notice--error" role="alert" data-testid="products-error">
          <Icon name="alert" />
          <span>
            {t('goods.loadFailed')} {errorText(products.error)}
          </span>
        </p>
      )}
      {!list && products.loading && <p className="muted" role="status">{t('goods.loading')}</p>}
      {list && list.products.length === 0 && <p className="muted">{t('goods.none')}</p>}

      {list && list.products.length > 0 && (
        <ul className="product-grid" aria-labelledby={headingId}>
          {list.products.map((product) => (
            <ProductTile key={product.id} product={product} inCart={inCart(product.id)} disabled={!cart} onAdd={onAdd} />
          ))}
        </ul>
      )}

      {list && list.rejected.length > 0 && (
        <>
          <h3 className="subheading">{t('goods.rejectedHeading')}</h3>
          <ul className="product-grid product-grid--rejected">
            {list.rejected.map((product) => (
              <RejectedProductTile key={product.id} product={product} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
