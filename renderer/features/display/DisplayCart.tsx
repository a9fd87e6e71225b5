import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerDisplay } from '../../../shared/sale';
import { useFormat } from '../../format/locale-context';
import { DisplayTotal } from './DisplayTotal';

/** The goods as the cashier scans them; the newest line stays in view. */
export function DisplayCart({ display }: { display: CustomerDisplay }) {
  const { t } = useTranslation();
  const format = useFormat();
  const listRef = useRef<HTMLUListElement>(null);
  const money = (amount: number) => format.money(amount, display.totals.currency);

  useEffect(() => {
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [display.lines]);

  return (
    <div className="display-cart">
      <section className="display-lines-panel">
        <h1 className="display-heading">{t('display.yourPurchase')}</h1>
        <ul className="display-lines" ref={listRef}>
          {display.lines.map((line) => (
            <li key={line.productId} className="display-line" data-testid={`display-line-${line.productId}`}>
              <span className="display-line-name">{line.name}</span>
              <span className="display-line-qty">{t('display.quantityTimesPrice', { quantity: format.number(line.quantity), price: money(line.unitPrice) })}</span>
              <span className="display-line-total">{money(line.total)}</span>
            </li>
          ))}
        </ul>
      </section>
      <aside className="display-side">
        <DisplayTotal totals={display.totals} />
      </aside>
    </div>
  );
}
