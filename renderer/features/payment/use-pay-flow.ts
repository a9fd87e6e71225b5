import { useCallback, useState } from 'react';
import type { Sale } from '../../../shared/sale';
import { useStartPayment } from './use-start-payment';

/** Which way of paying the cashier has open: the buttons only, or the push or cash form. */
export type PayMode = 'choose' | 'push' | 'cash';

/** The pay buttons (under the total) and the pay forms (in place of the goods) share this. */
export function usePayFlow(onStarted: (sale: Sale) => void, adoptWaiting: () => Promise<Sale | null>) {
  const [mode, setMode] = useState<PayMode>('choose');
  const payment = useStartPayment(onStarted, adoptWaiting);
  const { clearError, start } = payment;

  const open = useCallback(
    (next: PayMode) => {
      clearError();
      setMode(next);
    },
    [clearError],
  );

  // The QR needs no form: it starts at once (also when offered after "push not allowed").
  const startQr = useCallback(() => {
    setMode('choose');
    void start({ method: 'qr' });
  }, [start]);

  return { ...payment, mode, open, startQr };
}

export type PayFlow = ReturnType<typeof usePayFlow>;
