import { useState } from 'react';
import type { AppInfo } from '../../../shared/app-info';
import { isFinalSaleStatus, type Sale } from '../../../shared/sale';
import type { SubscriptionSale } from '../../../shared/subscription';
import { LocaleProvider } from '../../format/locale-context';
import { GoodsScreen } from '../goods/GoodsScreen';
import { useProducts } from '../goods/use-products';
import { NewSaleScreen } from '../new-sale/NewSaleScreen';
import { useCurrentPayment } from '../payment/use-current-payment';
import { useCatalogue } from '../plans/use-catalogue';
import { SaleScreen } from '../sale/SaleScreen';
import { SalesScreen } from '../sales/SalesScreen';
import { DeadLettersScreen } from '../sync/DeadLettersScreen';
import { ManagerScreen } from '../manager/ManagerScreen';
import { useSyncStatus } from '../sync/use-sync-status';
import { Header, type View } from './Header';
import { StartupScreen } from './StartupScreen';
import { useStartup, useWaiting } from './use-startup';
import { StaffGate } from '../staff/StaffGate';
import { KioskApp } from '../../kiosk/KioskApp';
import { StaffScreen } from '../staff/StaffScreen';
import { CustomersScreen, type CustomerFocus } from '../customers/CustomersScreen';

export function App() {
  const { startup, retry } = useStartup();
  if (startup.state === 'loading') return <StartupScreen onRetry={retry} />;
  if (startup.state === 'failed') return <StartupScreen error={startup.error} onRetry={retry} />;
  return (
    <LocaleProvider locale={startup.info.shop.locale}>
      <StaffGate info={startup.info} signedOut={startup.info.kiosk ? <KioskApp info={startup.info} /> : undefined}>
        {() => <SignedInTill info={startup.info} />}
      </StaffGate>
    </LocaleProvider>
  );
}

function SignedInTill({ info }: { info: AppInfo }) {
  const { waiting, retry } = useWaiting();
  if (waiting.state === 'loading') return <StartupScreen onRetry={retry} />;
  if (waiting.state === 'failed') return <StartupScreen error={waiting.error} onRetry={retry} />;
  return <Till info={info} waitingSale={waiting.waitingSale} waitingPayment={waiting.waitingPayment} />;
}

interface TillProps {
  info: AppInfo;
  waitingSale: SubscriptionSale | null;
  waitingPayment: Sale | null;
}

/**
 * The till once started: selling goods, selling subscriptions, looking at today's sales, or (for
 * the manager) the reports the billing backend refused. Each keeps its sale here, above the views,
 * so looking at today's sales while a customer approves loses nothing; the sync status lives here
 * too, because the header shows it on every screen.
 */
function Till({ info, waitingSale, waitingPayment }: TillProps) {
  // Goods is the default; a subscription still waiting after a restart is what needs attention first.
  const [view, setView] = useState<View>(waitingSale && !waitingPayment ? 'subscriptions' : 'goods');
  const [subscriptionSale, setSubscriptionSale] = useState<SubscriptionSale | null>(waitingSale);
  const catalogue = useCatalogue();
  const products = useProducts();
  const payment = useCurrentPayment(waitingPayment);
  const sync = useSyncStatus();
  const paymentWaiting = payment.sale !== null && !isFinalSaleStatus(payment.sale.status);
  const [customerFocus, setCustomerFocus] = useState<CustomerFocus | null>(null);
  const navigate = (next: View) => {
    if (next === 'customers') setCustomerFocus(null);
    setView(next);
  };

  return (
    <>
      <Header info={info} view={view} onNavigate={navigate} paymentWaiting={paymentWaiting} sync={sync} />
      <main className="app-main">
        {view === 'goods' && <GoodsScreen info={info} products={products} payment={payment} />}
        {view === 'subscriptions' &&
          (subscriptionSale ? (
            <SaleScreen key={subscriptionSale.id} initial={subscriptionSale} onNewSale={() => setSubscriptionSale(null)} />
          ) : (
            <NewSaleScreen
              catalogue={catalogue}
              defaultCountry={info.shop.country}
              onStarted={setSubscriptionSale}
              onOpenAgreement={(agreementId, action) => {
                setCustomerFocus({ agreementId, action });
                setView('customers');
              }}
            />
          ))}
        {view === 'customers' && (
          <CustomersScreen key={customerFocus?.agreementId ?? 'search'} catalogue={catalogue} defaultCountry={info.shop.country} focus={customerFocus} />
        )}
        {view === 'sales' && <SalesScreen shopName={info.shop.name} />}
        {view === 'sync' && <DeadLettersScreen sync={sync} />}
        {view === 'staff' && <StaffScreen />}
        {view === 'manager' && <ManagerScreen />}
      </main>
    </>
  );
}
