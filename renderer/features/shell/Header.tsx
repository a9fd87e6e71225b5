import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/app-info';
import { useConnected } from '../../bridge/bridge-context';
import { Icon } from '../../ui/Icon';
import { SyncBars } from '../sync/SyncBars';
import { SyncIndicator } from '../sync/SyncIndicator';
import type { SyncState } from '../sync/use-sync-status';
import { CustomerDisplayButton } from './CustomerDisplayButton';
import { TrainingBanner } from './TrainingBanner';
import { SignedInAs } from '../staff/SignedInAs';
import { useSignedIn } from '../staff/staff-context';

export const views = ['goods', 'subscriptions', 'customers', 'sales', 'sync', 'manager', 'staff'] as const;
export type View = (typeof views)[number];
/** Views only a manager sees in the navigation (the core refuses their calls to anyone else anyway). */
const managerViews: ReadonlySet<View> = new Set(['manager', 'staff']);

interface Props {
  info: AppInfo;
  view: View;
  onNavigate(view: View): void;
  /** A goods payment is waiting for its customer: the nav says so wherever the cashier is. */
  paymentWaiting: boolean;
  /** The reports to the billing backend: on every till screen (never on the customer's display). */
  sync: SyncState;
}

export function Header({ info, view, onNavigate, paymentWaiting, sync }: Props) {
  const { t } = useTranslation();
  const connected = useConnected();
  const { user } = useSignedIn();
  return (
    <>
      <header className="app-header">
        <div className="app-header-brand">
          <h1 className="shop-name">{info.shop.name}</h1>
          <span className="till-id">{t('header.till', { id: info.tillId })}</span>
        </div>
        <nav className="main-nav" aria-label={t('nav.label')}>
          {views.filter((name) => user.role === 'manager' || !managerViews.has(name)).map((name) => (
            <button
              key={name}
              type="button"
              className="main-nav-item"
              data-testid={`nav-${name}`}
              aria-current={view === name ? 'page' : undefined}
              onClick={() => onNavigate(name)}
            >
              {t(`nav.${name}`)}
              {name === 'goods' && paymentWaiting && (
                <span className="nav-waiting" data-testid="nav-payment-waiting">
                  <span className="pulse" aria-hidden="true" />
                  <span className="visually-hidden">{t('nav.paymentWaiting')}</span>
                </span>
              )}
            </button>
          ))}
        </nav>
        <SyncIndicator sync={sync} onOpenDeadLetters={() => onNavigate('sync')} />
        <CustomerDisplayButton />
        <SignedInAs kiosk={info.kiosk} />
        {info.mode === 'test' && <span className="badge badge--test">{t('header.testMode')}</span>}
      </header>
      {info.mode === 'training' && <TrainingBanner phonePageUrl={info.phonePageUrl} />}
      <SyncBars sync={sync} />
      {!connected && (
        <p className="connection-lost" role="status" data-testid="connection-lost">
          <Icon name="alert" />
          {t('header.connectionLost')}
        </p>
      )}
    </>
  );
}
