import type { SubscriptionSale } from '../../../shared/subscription';
import { useCancel } from '../../ui/use-cancel';

export const useCancelSale = (saleId: string, accept: (sale: SubscriptionSale) => void) => useCancel('subscription.cancel', saleId, accept);
