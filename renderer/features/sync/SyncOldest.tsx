import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/locale-context';
import { useNow } from '../sale/use-now';

/** "oldest 3 min": how long the oldest report has waited, ticking on its own so the header does not. */
export function SyncOldest({ since }: { since: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const now = useNow();
  return (
    <span className="sync-detail" data-testid="sync-oldest">
      {t('sync.oldest', { age: format.elapsed(now - since) })}
    </span>
  );
}
