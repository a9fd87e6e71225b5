import { useEffect } from 'react';
import type { AppInfo } from '../../../shared/app-info';
import { PaymentScreen } from '../payment/PaymentScreen';
import type { CurrentPayment } from '../payment/use-current-payment';
import { CartScreen } from './CartScreen';
import type { Products } from './use-products';

interface Props {
  info: AppInfo;
  products: Products;
  payment: CurrentPayment;
}

/** Selling goods: the cart until a payment starts, then that payment until it has ended. */
export function GoodsScreen({ info, products, payment }: Props) {
  const { sale, adoptWaiting } = payment;

  // One customer at a time: a payment waiting on this till is shown before anything else.
  useEffect(() => {
    void adoptWaiting();
  }, [adoptWaiting]);

  if (sale) return <PaymentScreen payment={payment} shopName={info.shop.name} />;
  return <CartScreen products={products} defaultCountry={info.shop.country} cashMaxOverTotal={info.cashMaxOverTotal} onStarted={payment.follow} adoptWaiting={adoptWaiting} />;
}
