import { errorText } from '../../i18n/error-text';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeadLetter } from '../../../shared/sync';
import { Icon } from '../../ui/Icon';
import { DeadLetterRow } from './DeadLetterRow';
import { DiscardDialog } from './DiscardDialog';
import { useReportSummary } from './use-report-summary';
import { useDeadLetters, type DeadLetterOutcome } from './use-dead-letters';
import type { SyncState } from './use-sync-status';

/** The outcomes that take the report off the list are told above it; the others beside the report. */
function OutcomeNotice({ outcome }: { outcome: DeadLetterOutcome }) {
  const { t } = useTranslation();
  const summarise = useReportSummary();
  if (outcome.kind === 'refused-again' || outcome.kind === 'failed') return null;
  const tone = outcome.kind === 'queued' ? 'warning' : 'good';
  return (
    <p className={`notice notice--${tone}`} role="status" data-testid="dead-letters-result" data-outcome={outcome.kind}>
      <Icon name={outcome.kind === 'queued' ? 'clock' : 'check'} />
      <span>{t(`deadLetters.outcome.${outcome.kind}`, { summary: summarise(outcome.letter.summary) })}</span>
    </p>
  );
}

/**
 * For the manager: reports the billing backend refused for good. Each waits here, with the
 * backend's reason, until it is sent again or discarded with a reason of its own.
 */
export function DeadLettersScreen({ sync }: { sync: SyncState }) {
  const { t } = useTranslation();
  const headingId = useId();
  const dead = useDeadLetters(sync);
  const [discarding, setDiscarding] = useState<DeadLetter | null>(null);
  const { letters, outcome } = dead;

  const noteFor = (letter: DeadLetter): string | null => {
    if (outcome?.letter.id !== letter.id) return null;
    if (outcome.kind === 'refused-again') return t('deadLetters.outcome.refusedAgain');
    if (outcome.kind === 'failed') return outcome.message;
    return null;
  };

  return (
    <section className="panel dead-letters-panel" aria-labelledby={headingId} data-testid="dead-letters">
      <div className="panel-head">
        <h2 className="panel-title" id={headingId}>
          {t('deadLetters.heading')}
        </h2>
        <button type="button" className="button button--ghost" onClick={() => void dead.load()} disabled={dead.loading}>
          <Icon name="refresh" />
          {t('deadLetters.refresh')}
        </button>
      </div>
      <p className="dead-letters-intro">{t('deadLetters.intro')}</p>

      {outcome && <OutcomeNotice outcome={outcome} />}
      {dead.error && (
        <p className="notice notice--error" role="alert" data-testid="dead-letters-error">
          <Icon name="alert" />
          <span>
            {t('deadLetters.loadFailed')} {errorText(dead.error)}
          </span>
        </p>
      )}
      {!letters && dead.loading && (
        <p className="muted" role="status">
          {t('deadLetters.loading')}
        </p>
      )}
      {letters && letters.length === 0 && (
        <div className="dead-letters-empty" data-testid="no-dead-letters">
          <Icon name="check" className="icon icon--large" />
          <p className="dead-letters-empty-title">{t('deadLetters.none')}</p>
          <p className="muted">{t('deadLetters.noneHelp')}</p>
        </div>
      )}
      {letters && letters.length > 0 && (
        <ul className="dead-letter-list">
          {letters.map((letter) => (
            <DeadLetterRow
              key={letter.id}
              letter={letter}
              retrying={dead.retrying === letter.id}
              locked={dead.retrying !== null}
              note={noteFor(letter)}
              onRetry={() => void dead.retry(letter)}
              onDiscard={() => setDiscarding(letter)}
            />
          ))}
        </ul>
      )}

      {discarding && <DiscardDialog letter={discarding} onDiscard={dead.discard} onClose={() => setDiscarding(null)} />}
      {dead.approvalDialog}
    </section>
  );
}
