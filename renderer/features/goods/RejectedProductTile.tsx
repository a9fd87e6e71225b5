import { errorText } from '../../i18n/error-text';
import { useTranslation } from 'react-i18next';
import type { ProductCatalogue } from '../../../shared/product';

type RejectedProduct = ProductCatalogue['rejected'][number];

/** A catalogue entry Kassa refuses to sell: visible with its reason so it gets fixed upstream, never tappable. */
export function RejectedProductTile({ product }: { product: RejectedProduct }) {
  const { t } = useTranslation();
  return (
    <li className="product-tile product-tile--rejected" data-testid={`rejected-product-${product.id}`} aria-disabled="true">
      <span className="product-name">{product.name}</span>
      <span className="badge badge--muted">{t('goods.notForSale')}</span>
      <span className="product-reason">{product.problem ? errorText({ code: 'VALIDATION', ...product.problem }) : product.reason}</span>
    </li>
  );
}
