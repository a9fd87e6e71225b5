import { useCallback, useEffect, useRef } from 'react';
import type { PhoneCountry } from '../../../shared/phone';
import type { Sale } from '../../../shared/sale';
import { PayButtons } from '../payment/PayButtons';
import { PayForm } from '../payment/PayForm';
import { usePayFlow } from '../payment/use-pay-flow';
import { BarcodeField } from './BarcodeField';
import { CartPanel } from './CartPanel';
import { ProductGrid } from './ProductGrid';
import { useBarcodeScan } from './use-barcode-scan';
import { useCart } from './use-cart';
import type { Products } from './use-products';
import { useScannerFocus } from './use-scanner-focus';

interface Props {
  products: Products;
  defaultCountry: PhoneCountry;
  /** The shop's cash limit: how far (major units) a tender may exceed the total. */
  cashMaxOverTotal: number;
  onStarted(sale: Sale): void;
  adoptWaiting(): Promise<Sale | null>;
}

/**
 * The barcode field and the goods on the left, the cart with its total and the ways to pay on the
 * right. A push or cash form takes the goods' place, so the cart stays in view while paying. The
 * scanner can type at any time.
 */
export function CartScreen({ products, defaultCountry, cashMaxOverTotal, onStarted, adoptWaiting }: Props) {
  const cart = useCart();
  const pay = usePayFlow(onStarted, adoptWaiting);
  const barcodeRef = useRef<HTMLInputElement>(null);
  const { error: scanError, scan, typing } = useBarcodeScan(cart.addBarcode);
  const { load } = products;
  const { check: checkVipps } = pay.health;
  useScannerFocus(barcodeRef, true);

  // Fetch on every visit, so prices changed during the last sale are not sold stale.
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    barcodeRef.current?.focus();
  }, []);
  // Asked once as the goods appear, so "not answering" is known before the customer is ready to pay.
  useEffect(() => {
    void checkVipps();
  }, [checkVipps]);

  const { addProduct } = cart;
  const add = useCallback(
    (productId: string) => {
      void addProduct(productId);
      // Ready for the next scan without a click in the field.
      barcodeRef.current?.focus({ preventScroll: true });
    },
    [addProduct],
  );

  const canPay = !!cart.cart && cart.cart.lines.length > 0;
  return (
    <div className="goods">
      <div className="goods-main">
        <div className="panel scan-bar">
          <BarcodeField inputRef={barcodeRef} error={scanError} onScan={(code) => void scan(code)} onTyping={typing} />
        </div>
        {pay.mode !== 'choose' && cart.cart ? (
          <section className="panel pay-form-panel">
            <PayForm pay={pay} cart={cart.cart} defaultCountry={defaultCountry} cashMaxOverTotal={cashMaxOverTotal} />
          </section>
        ) : (
          <section className="panel products-panel">
            <ProductGrid products={products} cart={cart.cart} onAdd={add} />
          </section>
        )}
      </div>
      <CartPanel cart={cart}>
        <PayButtons pay={pay} canPay={canPay} />
      </CartPanel>
    </div>
  );
}
