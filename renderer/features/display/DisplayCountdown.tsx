import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/locale-context';
import { useNow } from '../sale/use-now';

/** Time left for the customer, plainly: no staff wording about what Vipps has or has not confirmed. */
export function DisplayCountdown({ expiresAt }: { expiresAt: number | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const now = useNow(expiresAt !== null);
  if (expiresAt === null) return null;
  return (
    <p className="display-countdown">
      <span>{t('display.timeLeft')}</span>
      <strong role="timer" data-testid="display-countdown">{format.countdown(expiresAt - now)}</strong>
    </p>
  );
}
