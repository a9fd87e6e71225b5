import { errorText } from '../../i18n/error-text';
import { useTranslation } from 'react-i18next';
import type { DeadLetter } from '../../../shared/sync';
import { useFormat } from '../../format/locale-context';
import { Icon } from '../../ui/Icon';
import { useReportSummary } from './use-report-summary';

interface Props {
  letter: DeadLetter;
  retrying: boolean;
  /** Another Retry is on its way: one at a time. */
  locked: boolean;
  /** Why the last Retry of this report did not get it through. */
  note: string | null;
  onRetry(): void;
  onDiscard(): void;
}

/** One refused report: what it is, when, how often it was tried, why the backend refused it (and where), and the two ways out. */
export function DeadLetterRow({ letter, retrying, locked, note, onRetry, onDiscard }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const summarise = useReportSummary();
  // The parts of the report the backend pointed at (JSON paths such as `tenders[0].amount`): data for whoever fixes it.
  const fields = letter.error.params?.fields;
  return (
    <li className="dead-letter" data-testid={`dead-letter-${letter.id}`}>
      <div className="dead-letter-main">
        <p className="dead-letter-summary">{summarise(letter.summary)}</p>
        <p className="dead-letter-meta">
          <span className="badge badge--neutral">{t(`sync.kind.${letter.kind}`)}</span>
          <span>{t('deadLetters.created', { when: format.moment(letter.createdAt) })}</span>
          <span>{t('deadLetters.attempts', { count: letter.attempts, number: format.number(letter.attempts) })}</span>
        </p>
        <p className="dead-letter-error">
          <span className="visually-hidden">{t('deadLetters.backendSaid')} </span>
          {errorText(letter.error)}
        </p>
        {typeof fields === 'string' && (
          <p className="dead-letter-fields muted" data-testid={`dead-letter-fields-${letter.id}`}>
            {t('deadLetters.fields', { fields })}
          </p>
        )}
        {note && (
          <p className="dead-letter-note" role="status">
            <Icon name="alert" />
            {note}
          </p>
        )}
      </div>
      <div className="dead-letter-actions">
        <button type="button" className="button button--secondary" data-testid={`dead-letter-retry-${letter.id}`} disabled={locked} onClick={onRetry}>
          <Icon name="refresh" className={retrying ? 'icon icon--spin' : 'icon'} />
          {retrying ? t('deadLetters.retrying') : t('deadLetters.retry')}
        </button>
        <button type="button" className="button button--danger-outline" data-testid={`dead-letter-discard-${letter.id}`} disabled={locked} onClick={onDiscard}>
          <Icon name="trash" />
          {t('deadLetters.discard.button')}
        </button>
      </div>
    </li>
  );
}
