import { isFinalSaleStatus } from '../../../shared/sale';
import { PaymentOutcome } from './PaymentOutcome';
import { PaymentWaiting } from './PaymentWaiting';
import type { CurrentPayment } from './use-current-payment';

/** One payment from "sent" to its outcome; the screen follows the sale's status. */
export function PaymentScreen({ payment, shopName }: { payment: CurrentPayment; shopName: string }) {
  const { sale, loadError, accept, clear } = payment;
  if (!sale) return null;
  return isFinalSaleStatus(sale.status) ? (
    <PaymentOutcome key={sale.id} sale={sale} shopName={shopName} onLeave={clear} />
  ) : (
    <PaymentWaiting key={sale.id} sale={sale} loadError={loadError} accept={accept} />
  );
}
