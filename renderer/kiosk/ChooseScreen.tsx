import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cart } from '../../shared/cart';
import { useBridge } from '../bridge/bridge-context';
import { useLive } from '../bridge/use-live';
import { useCatalogue } from '../features/plans/use-catalogue';
import { usePlanText } from '../features/plans/use-plan-text';
import { useProducts } from '../features/goods/use-products';
import { useFormat } from '../format/locale-context';
import type { Purchase } from './KioskApp';

/** A subscription plan, or goods into the basket: big cards, prices in the customer's language. */
export function ChooseScreen({ onChosen, onCancel }: { onChosen(purchase: Purchase): void; onCancel(): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const bridge = useBridge();
  const planText = usePlanText();
  const plans = useCatalogue();
  const products = useProducts();
  const [tab, setTab] = useState<'plans' | 'goods'>('plans');
  const [cart, setCart] = useState<Cart | null>(null);
  const loadCart = useCallback(async () => {
    const result = await bridge.invoke('cart.get', {});
    if (result.ok) setCart(result.value);
  }, [bridge]);
  useLive('cart.changed', setCart, loadCart);

  useEffect(() => {
    void plans.load();
    void products.load();
  }, [plans.load, products.load]);

  const add = (productId: string) => void bridge.invoke('cart.add', { productId }).then((result) => result.ok && setCart(result.value));
  const setQuantity = (productId: string, quantity: number) =>
    void bridge.invoke('cart.setQuantity', { productId, quantity }).then((result) => result.ok && setCart(result.value));
  const lines = cart?.lines ?? [];

  return (
    <section className="kiosk-choose" aria-labelledby="kiosk-choose-title">
      <h1 id="kiosk-choose-title" className="kiosk-heading">{t('kiosk.chooseTitle')}</h1>
      <div className="kiosk-tabs" role="group" aria-label={t('kiosk.chooseTitle')}>
        <button type="button" className="kiosk-tab" aria-pressed={tab === 'plans'} data-testid="kiosk-tab-plans" onClick={() => setTab('plans')}>
          {t('kiosk.plans')}
        </button>
        <button type="button" className="kiosk-tab" aria-pressed={tab === 'goods'} data-testid="kiosk-tab-goods" onClick={() => setTab('goods')}>
          {t('kiosk.goods')}
        </button>
      </div>

      {tab === 'plans' && (
        <ul className="kiosk-cards">
          {plans.catalogue?.plans.map((plan) => (
            <li key={plan.id}>
              <button type="button" className="kiosk-card" data-testid={`kiosk-plan-${plan.id}`} onClick={() => onChosen({ kind: 'plan', plan })}>
                <span className="kiosk-card-name">{plan.name}</span>
                <span className="kiosk-card-price">{planText.price(plan)}</span>
                {plan.description && <span className="kiosk-card-note">{plan.description}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}

      {tab === 'goods' && (
        <div className="kiosk-goods">
          <ul className="kiosk-cards">
            {products.catalogue?.products.map((product) => (
              <li key={product.id}>
                <button type="button" className="kiosk-card" data-testid={`kiosk-product-${product.id}`} onClick={() => add(product.id)}>
                  <span className="kiosk-card-name">{product.name}</span>
                  <span className="kiosk-card-price">{format.money(product.unitPrice, product.currency)}</span>
                </button>
              </li>
            ))}
          </ul>
          <aside className="kiosk-basket" aria-labelledby="kiosk-basket-title">
            <h2 id="kiosk-basket-title">{t('kiosk.basket')}</h2>
            {lines.length === 0 && <p>{t('kiosk.basketEmpty')}</p>}
            <ul className="kiosk-basket-lines">
              {lines.map((line) => (
                <li key={line.productId} data-testid={`kiosk-line-${line.productId}`}>
                  <span>{line.name}</span>
                  <span className="kiosk-quantity">
                    <button type="button" className="kiosk-step" aria-label={t('kiosk.less', { name: line.name })} onClick={() => setQuantity(line.productId, line.quantity - 1)}>
                      −
                    </button>
                    <span aria-live="polite">{format.number(line.quantity)}</span>
                    <button type="button" className="kiosk-step" aria-label={t('kiosk.more', { name: line.name })} onClick={() => setQuantity(line.productId, line.quantity + 1)}>
                      +
                    </button>
                  </span>
                  <span>{format.money(line.total, cart!.totals.currency)}</span>
                </li>
              ))}
            </ul>
            {cart && lines.length > 0 && (
              <button type="button" className="kiosk-primary" data-testid="kiosk-pay" onClick={() => onChosen({ kind: 'goods' })}>
                {t('kiosk.pay', { amount: format.money(cart.totals.total, cart.totals.currency) })}
              </button>
            )}
          </aside>
        </div>
      )}
      <button type="button" className="kiosk-secondary" onClick={onCancel}>
        {t('kiosk.startOver')}
      </button>
    </section>
  );
}
