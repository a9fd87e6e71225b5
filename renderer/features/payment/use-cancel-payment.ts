import type { Sale } from '../../../shared/sale';
import { useCancel } from '../../ui/use-cancel';

export const useCancelPayment = (saleId: string, accept: (sale: Sale) => void) => useCancel('sale.cancel', saleId, accept);
