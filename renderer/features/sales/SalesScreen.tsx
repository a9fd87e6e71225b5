import { errorText } from '../../i18n/error-text';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Sale } from '../../../shared/sale';
import { useFormat } from '../../format/locale-context';
import { Icon } from '../../ui/Icon';
import { SaleDetail } from './SaleDetail';
import { cashKeptOf } from './sale-words';
import { SalesList } from './SalesList';
import { SignUpList } from './SignUpList';
import { useSales } from './use-sales';

/** Paid today, after refunds, per tender: what the cashier counts the drawer against. */
function DaySummary({ sales }: { sales: Sale[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const paid = sales.filter((sale) => sale.status === 'completed');
  const first = sales[0];
  if (!first) return null;
  const currency = first.totals.currency;
  const net = (sale: Sale) => sale.totals.total - sale.amounts.refunded;
  const vipps = paid.filter((sale) => sale.tender !== 'cash').reduce((sum, sale) => sum + net(sale), 0);
  const cash = paid.reduce((sum, sale) => sum + cashKeptOf(sale), 0);
  return (
    <dl className="day-summary" data-testid="sales-summary">
      <div>
        <dt>{t('sales.summary.paid')}</dt>
        <dd>{format.number(paid.length)}</dd>
      </div>
      <div>
        <dt>{t('sales.summary.vipps')}</dt>
        <dd>{format.money(vipps, currency)}</dd>
      </div>
      <div>
        <dt>{t('sales.summary.cash')}</dt>
        <dd>{format.money(cash, currency)}</dd>
      </div>
    </dl>
  );
}

export function SalesScreen({ shopName }: { shopName: string }) {
  const { t } = useTranslation();
  const { sales, error, loading, load, upsert } = useSales();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = sales?.find((sale) => sale.id === selectedId) ?? null;

  return (
    <div className="sales">
      <section className="panel sales-panel">
        <div className="panel-head">
          <h2 className="panel-title">{t('sales.heading')}</h2>
          <button type="button" className="button button--ghost" onClick={() => void load()} disabled={loading}>
            <Icon name="refresh" />
            {t('sales.refresh')}
          </button>
        </div>
        {error && (
          <p className="notice notice--error" role="alert" data-testid="sales-error">
            <Icon name="alert" />
            <span>
              {t('sales.loadFailed')} {errorText(error)}
            </span>
          </p>
        )}
        {!sales && loading && <p className="muted" role="status">{t('sales.loading')}</p>}
        {sales && sales.length === 0 && (
          <p className="muted" data-testid="sales-list">
            {t('sales.none')}
          </p>
        )}
        {sales && sales.length > 0 && (
          <>
            <DaySummary sales={sales} />
            <SalesList sales={sales} selectedId={selected?.id ?? null} onSelect={setSelectedId} />
          </>
        )}
        <SignUpList />
      </section>
      <section className="panel sale-detail-panel">
        {selected ? (
          <SaleDetail key={selected.id} sale={selected} shopName={shopName} onChanged={upsert} />
        ) : (
          <p className="muted sale-detail-empty">{t('sales.choose')}</p>
        )}
      </section>
    </div>
  );
}
