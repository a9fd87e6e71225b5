import { useCallback, useRef, useState } from 'react';
import type { Sale } from '../../../shared/sale';
import { useStartPayment } from './use-start-payment';
import { useVippsHealth } from './use-vipps-health';

/** Which way of paying the cashier has open: the buttons only, or the push or cash form. */
export type PayMode = 'choose' | 'push' | 'cash';
/** A wallet payment the cashier asked for; kept to pick it up again after "Try again". */
export type WalletAttempt = 'push' | 'qr';

/**
 * The pay buttons (under the total) and the pay forms (in place of the goods) share this. Vipps
 * MobilePay is asked whether it answers each time a wallet payment is opened; the QR, which
 * needs no form, is only sent once it has said yes.
 */
export function usePayFlow(onStarted: (sale: Sale) => void, adoptWaiting: () => Promise<Sale | null>) {
  const [mode, setMode] = useState<PayMode>('choose');
  const [attempt, setAttempt] = useState<WalletAttempt | null>(null);
  const [checkingQr, setCheckingQr] = useState(false);
  // Refs, not state: two taps in the same frame must not both ask and both start, and a QR whose
  // check is still out must not start once the cashier has turned to cash.
  const qrInFlight = useRef(false);
  const wanted = useRef<WalletAttempt | null>(null);
  const payment = useStartPayment(onStarted, adoptWaiting);
  const health = useVippsHealth();
  const { clearError, start } = payment;
  const { check } = health;

  const open = useCallback(
    (next: PayMode) => {
      clearError();
      setMode(next);
      wanted.current = next === 'push' ? 'push' : null;
      setAttempt(wanted.current);
      // About to ask Vipps for money: ask whether it answers right now, not what it said a moment ago.
      if (next === 'push') void check(true);
    },
    [clearError, check],
  );

  // The QR needs no form: it starts as soon as Vipps MobilePay is known to answer (also when
  // offered after "push not allowed").
  const startQr = useCallback(async () => {
    if (qrInFlight.current) return;
    qrInFlight.current = true;
    setMode('choose');
    wanted.current = 'qr';
    setAttempt('qr');
    clearError();
    setCheckingQr(true);
    const reach = await check(true);
    setCheckingQr(false);
    if (reach !== 'unreachable' && wanted.current === 'qr') await start({ method: 'qr' });
    qrInFlight.current = false;
  }, [check, clearError, start]);

  /** "Try again" after "not answering": ask again, and carry on with the QR the cashier wanted. */
  const retryHealth = useCallback(() => {
    if (mode === 'choose' && attempt === 'qr') void startQr();
    else void check(true);
  }, [mode, attempt, startQr, check]);

  return { ...payment, mode, open, startQr, checkingQr, attempt, health, retryHealth };
}

export type PayFlow = ReturnType<typeof usePayFlow>;
