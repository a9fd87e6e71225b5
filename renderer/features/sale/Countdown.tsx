import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/locale-context';
import { useNow } from './use-now';

/** Warn in the last minute: the cashier may want to show the QR or ask the customer to check the app. */
const WARN_BELOW_MS = 60_000;

export function Countdown({ expiresAt, testId = 'countdown' }: { expiresAt: number | null; testId?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const now = useNow(expiresAt !== null);
  const left = expiresAt === null ? null : expiresAt - now;
  const state = left === null ? 'waiting' : left <= 0 ? 'over' : left < WARN_BELOW_MS ? 'warn' : 'running';

  return (
    <div className={`countdown countdown--${state}`}>
      <span className="countdown-label">{t('sale.timeLeft')}</span>
      {/* role=timer is not announced every second; the status line carries the news. */}
      <span className="countdown-value" role="timer" data-testid={testId}>
        {left === null ? '––:––' : format.countdown(left)}
      </span>
      {state === 'waiting' && <span className="countdown-note">{t('sale.countdownNotStarted')}</span>}
      {state === 'over' && <span className="countdown-note">{t('sale.expiring')}</span>}
    </div>
  );
}
