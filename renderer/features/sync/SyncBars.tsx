import { errorText } from '../../i18n/error-text';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/locale-context';
import { Icon } from '../../ui/Icon';
import { SyncNowButton } from './SyncNowButton';
import type { SyncState } from './use-sync-status';

/**
 * Under the header when reports cannot go: calm when the backend is away (nothing is lost and
 * selling goes on), red when it refused the till's key (someone must act).
 */
export function SyncBars({ sync }: { sync: SyncState }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { status } = sync;
  if (status?.state === 'offline') {
    return (
      <p className="sync-bar sync-bar--offline" role="status" data-testid="sync-offline-bar">
        <Icon name="clock" />
        <span>{t('sync.offlineBar', { count: status.waiting, number: format.number(status.waiting) })}</span>
      </p>
    );
  }
  if (status?.state === 'paused') {
    return (
      <div className="sync-bar sync-bar--paused" role="alert" data-testid="sync-paused-bar">
        <Icon name="alert" />
        <p>{(status.problem && errorText(status.problem)) ?? t('sync.pausedFallback')}</p>
        <SyncNowButton sync={sync} onDark />
      </div>
    );
  }
  return null;
}
