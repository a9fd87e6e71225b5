import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/app-info';
import { useConnected } from '../../bridge/bridge-context';
import { Icon } from '../../ui/Icon';
import { TrainingBanner } from './TrainingBanner';

export function Header({ info }: { info: AppInfo }) {
  const { t } = useTranslation();
  const connected = useConnected();
  return (
    <>
      <header className="app-header">
        <div className="app-header-brand">
          <h1 className="shop-name">{info.shop.name}</h1>
          <span className="till-id">{t('header.till', { id: info.tillId })}</span>
        </div>
        {info.mode === 'test' && <span className="badge badge--test">{t('header.testMode')}</span>}
      </header>
      {info.mode === 'training' && <TrainingBanner phonePageUrl={info.phonePageUrl} />}
      {!connected && (
        <p className="connection-lost" role="status" data-testid="connection-lost">
          <Icon name="alert" />
          {t('header.connectionLost')}
        </p>
      )}
    </>
  );
}
