import { useState } from 'react';
import type { AppInfo } from '../../../shared/app-info';
import type { SubscriptionSale } from '../../../shared/subscription';
import { LocaleProvider } from '../../format/locale-context';
import { NewSaleScreen } from '../new-sale/NewSaleScreen';
import { useCatalogue } from '../plans/use-catalogue';
import { SaleScreen } from '../sale/SaleScreen';
import { Header } from './Header';
import { StartupScreen } from './StartupScreen';
import { useStartup } from './use-startup';

export function App() {
  const { startup, retry } = useStartup();
  if (startup.state === 'loading') return <StartupScreen onRetry={retry} />;
  if (startup.state === 'failed') return <StartupScreen error={startup.error} onRetry={retry} />;
  return (
    <LocaleProvider locale={startup.info.shop.locale}>
      <Till info={startup.info} waitingSale={startup.waitingSale} />
    </LocaleProvider>
  );
}

/** The till once started: either a new sale being set up, or one sale being followed to its end. */
function Till({ info, waitingSale }: { info: AppInfo; waitingSale: SubscriptionSale | null }) {
  const [sale, setSale] = useState<SubscriptionSale | null>(waitingSale);
  const catalogue = useCatalogue();
  return (
    <>
      <Header info={info} />
      <main className="app-main">
        {sale ? (
          <SaleScreen key={sale.id} initial={sale} onNewSale={() => setSale(null)} />
        ) : (
          <NewSaleScreen catalogue={catalogue} defaultCountry={info.shop.country} onStarted={setSale} />
        )}
      </main>
    </>
  );
}
