import { useCallback, useState } from 'react';
import type { AppInfo } from '../../shared/app-info';
import type { Plan } from '../../shared/catalogue';
import type { Sale } from '../../shared/sale';
import type { SubscriptionSale } from '../../shared/subscription';
import { useBridge } from '../bridge/bridge-context';
import { applyShopLanguage } from '../i18n';
import { AttractScreen } from './AttractScreen';
import { ChooseScreen } from './ChooseScreen';
import { DoneScreen } from './DoneScreen';
import { IdleWarning } from './IdleWarning';
import { PayScreen } from './PayScreen';
import { StaffExit } from './StaffExit';
import { useIdle } from './use-idle';
import { WaitingScreen } from './WaitingScreen';

/** What the customer is buying: a subscription plan, or the goods in the cart. */
export type Purchase = { kind: 'plan'; plan: Plan } | { kind: 'goods' };
export type Started = { kind: 'payment'; sale: Sale } | { kind: 'subscription'; sale: SubscriptionSale };

type Step =
  | { name: 'attract' }
  | { name: 'choose' }
  | { name: 'pay'; purchase: Purchase }
  | { name: 'waiting'; started: Started }
  | { name: 'done'; finished: Started };

/**
 * The self-service kiosk: one customer at a time, alone at a touch screen. Attract → choose →
 * phone number (or a QR) → approve on the phone → done → attract again. Everything personal lives
 * in this component's state and the core's cart; starting over wipes both. Staff leave by holding
 * the shop's name and typing a manager's PIN.
 */
export function KioskApp({ info }: { info: AppInfo }) {
  const bridge = useBridge();
  const [step, setStep] = useState<Step>({ name: 'attract' });
  // A fresh key remounts every screen, so no typed digit or chosen plan survives a reset.
  const [visit, setVisit] = useState(0);

  const startOver = useCallback(() => {
    void bridge.invoke('cart.clear', {});
    void applyShopLanguage(info.shop);
    setVisit((n) => n + 1);
    setStep({ name: 'attract' });
  }, [bridge, info.shop]);

  // Never while the customer's phone has the request: they may be approving it right now.
  const { warningLeft, keepGoing } = useIdle(step.name !== 'attract' && step.name !== 'waiting', startOver);

  return (
    <div className="kiosk" key={visit} data-testid="kiosk" data-step={step.name}>
      <StaffExit shopName={info.shop.name} />
      <main className="kiosk-main">
        {step.name === 'attract' && <AttractScreen shopName={info.shop.name} onStart={() => setStep({ name: 'choose' })} />}
        {step.name === 'choose' && <ChooseScreen onChosen={(purchase) => setStep({ name: 'pay', purchase })} onCancel={startOver} />}
        {step.name === 'pay' && (
          <PayScreen
            purchase={step.purchase}
            defaultCountry={info.shop.country}
            onStarted={(started) => setStep({ name: 'waiting', started })}
            onBack={() => setStep({ name: 'choose' })}
          />
        )}
        {step.name === 'waiting' && <WaitingScreen started={step.started} onFinished={(finished) => setStep({ name: 'done', finished })} />}
        {step.name === 'done' && <DoneScreen finished={step.finished} receiptUrlBase={info.receiptUrlBase} onDone={startOver} />}
      </main>
      {warningLeft !== null && <IdleWarning secondsLeft={Math.ceil(warningLeft / 1000)} onKeepGoing={keepGoing} onStartOver={startOver} />}
    </div>
  );
}
