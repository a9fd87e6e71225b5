import { errorText } from '../../i18n/error-text';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../shared/sync';
import { useFormat } from '../../format/locale-context';
import { Icon } from '../../ui/Icon';
import type { SyncNowResult, SyncState } from './use-sync-status';

/** What "Sync now" achieved, in words, and how it went. */
function useResultText() {
  const { t } = useTranslation();
  const format = useFormat();
  return (result: SyncNowResult): { text: string; tone: 'good' | 'warn' | 'bad' } => {
    if (!result.ok) return { text: errorText(result.error), tone: 'bad' };
    const status: SyncStatus = result.status;
    if (status.state === 'offline') return { text: t('sync.now.offline'), tone: 'warn' };
    if (status.state === 'paused') return { text: t('sync.now.paused'), tone: 'bad' };
    if (result.refused > 0) return { text: t('sync.now.refused', { count: result.refused, number: format.number(result.refused) }), tone: 'bad' };
    if (status.waiting > 0) return { text: t('sync.now.stillWaiting', { count: status.waiting, number: format.number(status.waiting) }), tone: 'warn' };
    return { text: t('sync.now.allSent'), tone: 'good' };
  };
}

/** Deliver now (and resume after a refused key); the answer shows beside the button for a while. */
export function SyncNowButton({ sync, onDark = false }: { sync: SyncState; onDark?: boolean }) {
  const { t } = useTranslation();
  const resultText = useResultText();
  const shown = sync.result ? resultText(sync.result) : null;
  return (
    <span className="sync-now">
      <button
        type="button"
        className={`button ${onDark ? 'button--on-dark' : 'button--ghost'} button--compact`}
        data-testid="sync-now"
        disabled={sync.running}
        onClick={() => void sync.syncNow()}
      >
        <Icon name="refresh" className={sync.running ? 'icon icon--spin' : 'icon'} />
        {sync.running ? t('sync.now.running') : t('sync.now.button')}
      </button>
      {/* Always in the page, so the answer is announced when it arrives. */}
      <span className={`sync-now-result${shown ? ` sync-now-result--${shown.tone}` : ''}`} role="status" data-testid="sync-now-result">
        {shown?.text}
      </span>
    </span>
  );
}
