import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Sale } from '../../../shared/sale';
import { useFormat } from '../../format/locale-context';
import { VatTable } from '../goods/VatTable';

/** The receipt of a completed sale, as the customer would get it. */
export function Receipt({ sale, shopName }: { sale: Sale; shopName: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const money = (amount: number) => format.money(amount, sale.totals.currency);

  return (
    <article className="receipt" data-testid="receipt" aria-labelledby={headingId}>
      <header className="receipt-head">
        <h3 className="receipt-shop" id={headingId}>{shopName}</h3>
        <p>
          {t('receipt.number')} <span data-testid="receipt-number">{sale.receiptNumber}</span>
        </p>
        <p>
          <time dateTime={new Date(sale.createdAt).toISOString()}>{format.dateTime(sale.createdAt)}</time>
        </p>
      </header>

      <table className="receipt-lines">
        <caption className="visually-hidden">{t('receipt.linesCaption')}</caption>
        <thead className="visually-hidden">
          <tr>
            <th scope="col">{t('receipt.item')}</th>
            <th scope="col">{t('receipt.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {sale.lines.map((line) => (
            <tr key={line.productId} data-testid={`receipt-line-${line.productId}`}>
              <td>
                <span className="receipt-item">{line.name}</span>
                <span className="receipt-qty">{t('receipt.quantityTimesPrice', { quantity: format.number(line.quantity), price: money(line.unitPrice) })}</span>
              </td>
              <td className="receipt-amount">{money(line.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <p className="receipt-total">
        <span>{t('receipt.total')}</span>
        <strong data-testid="receipt-total">{money(sale.totals.total)}</strong>
      </p>

      <VatTable totals={sale.totals} rowTestIdPrefix="receipt-vat-row-" />

      <dl className="receipt-tender">
        {sale.tender === 'cash' ? (
          <>
            {sale.cash && sale.cash.rounding !== 0 && (
              <>
                <div>
                  <dt>{t('receipt.rounding')}</dt>
                  <dd data-testid="receipt-rounding">{format.signedMoney(sale.cash.rounding, sale.totals.currency)}</dd>
                </div>
                <div>
                  <dt>{t('receipt.toPay')}</dt>
                  <dd data-testid="receipt-paid-cash">{money(sale.totals.total + sale.cash.rounding)}</dd>
                </div>
              </>
            )}
            <div>
              <dt>{t('receipt.cashTendered')}</dt>
              <dd data-testid="receipt-tendered">{sale.cash ? money(sale.cash.tendered) : '–'}</dd>
            </div>
            <div>
              <dt>{t('receipt.change')}</dt>
              <dd data-testid="receipt-change">{sale.cash ? money(sale.cash.change) : '–'}</dd>
            </div>
          </>
        ) : (
          <>
            <div>
              <dt>{t('receipt.paidWith')}</dt>
              <dd data-testid="receipt-tender">
                {t(`receipt.tender.${sale.tender}`)}
              </dd>
            </div>
            <div>
              <dt>{t('receipt.pspReference')}</dt>
              <dd className="mono" data-testid="receipt-psp">{sale.pspReference ?? '–'}</dd>
            </div>
          </>
        )}
      </dl>
    </article>
  );
}
