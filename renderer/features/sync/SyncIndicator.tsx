import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/locale-context';
import { Icon, type IconName } from '../../ui/Icon';
import { SyncNowButton } from './SyncNowButton';
import { SyncOldest } from './SyncOldest';
import type { SyncState } from './use-sync-status';

type ShownState = 'online' | 'offline' | 'paused' | 'unknown';

const stateIcon: Record<ShownState, IconName> = { online: 'check', offline: 'clock', paused: 'stop', unknown: 'refresh' };

/**
 * The reports to the billing backend at a glance, in the header of every till screen: the state in
 * words, what waits and for how long, the last delivery, Sync now, and refused reports.
 */
export function SyncIndicator({ sync, onOpenDeadLetters }: { sync: SyncState; onOpenDeadLetters(): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { status } = sync;
  const state: ShownState = status?.state ?? 'unknown';

  return (
    <div className={`sync-status sync-status--${state}`} role="group" aria-label={t('sync.label')} data-testid="sync-status" data-state={state}>
      <span className="sync-summary">
        <span className="sync-state">
          <Icon name={stateIcon[state]} />
          <strong>{status || sync.loadError ? t(`sync.state.${state}`) : t('sync.state.loading')}</strong>
        </span>
        {status ? (
          <span className="sync-details">
            <span className="sync-detail" data-testid="sync-waiting">
              {t('sync.waiting', { count: status.waiting, number: format.number(status.waiting) })}
            </span>
            {status.oldestWaitingSince !== null && <SyncOldest since={status.oldestWaitingSince} />}
            <span className="sync-detail" data-testid="sync-last-delivered">
              {status.lastDeliveredAt !== null ? t('sync.lastDelivered', { when: format.moment(status.lastDeliveredAt) }) : t('sync.nothingDelivered')}
            </span>
          </span>
        ) : (
          sync.loadError && <span className="sync-details">{t('sync.unknownDetail')}</span>
        )}
      </span>
      {/* While paused, Sync now is in the red bar, where the reason is. */}
      {state !== 'paused' && <SyncNowButton sync={sync} />}
      {status && status.deadLetters > 0 && (
        <button type="button" className="dead-letters-badge" data-testid="sync-dead-letters-badge" onClick={onOpenDeadLetters}>
          <Icon name="alert" />
          {t('sync.deadLettersBadge', { count: status.deadLetters, number: format.number(status.deadLetters) })}
        </button>
      )}
    </div>
  );
}
