import { isFinalSubscriptionStatus, type SubscriptionSale } from '../../../shared/subscription';
import { OutcomeScreen } from './OutcomeScreen';
import { useSale } from './use-sale';
import { WaitingScreen } from './WaitingScreen';

interface Props {
  initial: SubscriptionSale;
  onNewSale(): void;
}

/** One sale from "sent" to its outcome; the screen follows the sale's status. */
export function SaleScreen({ initial, onNewSale }: Props) {
  const { sale, loadError, accept } = useSale(initial);
  return isFinalSubscriptionStatus(sale.status) ? (
    <OutcomeScreen sale={sale} onNewSale={onNewSale} />
  ) : (
    <WaitingScreen sale={sale} loadError={loadError} accept={accept} />
  );
}
