import { errorText } from '../../i18n/error-text';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/result';
import { discardRequestSchema, type DeadLetter } from '../../../shared/sync';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Icon } from '../../ui/Icon';
import { useReportSummary } from './use-report-summary';

// The contract's own limits, so the field and the core never disagree about what is enough.
const reasonSchema = discardRequestSchema.shape.reason;
const MIN = reasonSchema.minLength ?? 5;
const MAX = reasonSchema.maxLength ?? 500;

interface Props {
  letter: DeadLetter;
  onDiscard(letter: DeadLetter, reason: string): Promise<AppError | null>;
  onClose(): void;
}

/** Giving up on a refused report for good: only with a reason, which stays beside it on the till. */
export function DiscardDialog({ letter, onDiscard, onClose }: Props) {
  const { t } = useTranslation();
  const summarise = useReportSummary();
  const fieldId = useId();
  const feedbackId = useId();
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  // Pressed with too short a reason: the count becomes an error until it is long enough.
  const [tried, setTried] = useState(false);
  const [refusal, setRefusal] = useState<AppError | null>(null);
  const length = reason.trim().length;
  const valid = length >= MIN && length <= MAX;
  // The core's word on the reason belongs on the field; anything else (say, someone else already
  // dealt with the report) under it.
  const reasonRefused = refusal?.code === 'VALIDATION' ? errorText(refusal) : null;
  const otherRefusal = refusal && !reasonRefused ? refusal : null;
  const gone = refusal?.code === 'NOT_FOUND';

  const feedback: { kind: 'hint' | 'error' | 'ok'; text: string; testId?: string } = reasonRefused
    ? { kind: 'error', text: reasonRefused, testId: 'discard-error' }
    : length > MAX
      ? { kind: 'error', text: t('deadLetters.discard.tooLong', { max: MAX, over: length - MAX }), testId: 'discard-error' }
      : length < MIN && tried
        ? { kind: 'error', text: t('deadLetters.discard.tooShort', { min: MIN, count: MIN - length }), testId: 'discard-error' }
        : length === 0
          ? { kind: 'hint', text: t('deadLetters.discard.hint', { min: MIN }) }
          : length < MIN
            ? { kind: 'hint', text: t('deadLetters.discard.more', { count: MIN - length }) }
            : { kind: 'ok', text: t('deadLetters.discard.enough') };

  async function confirm() {
    if (busy) return;
    if (!valid) {
      setTried(true);
      fieldRef.current?.focus();
      return;
    }
    setBusy(true);
    const refused = await onDiscard(letter, reason.trim());
    setBusy(false);
    if (refused) setRefusal(refused);
    else onClose();
  }

  return (
    <ConfirmDialog
      title={t('deadLetters.discard.title')}
      body={t('deadLetters.discard.body', { summary: summarise(letter.summary) })}
      cancelLabel={gone ? t('deadLetters.discard.close') : t('deadLetters.discard.keep')}
      confirmLabel={busy ? t('deadLetters.discard.discarding') : t('deadLetters.discard.confirm')}
      confirmTestId="discard-confirm"
      confirmDisabled={gone}
      busy={busy}
      onCancel={onClose}
      onConfirm={() => void confirm()}
    >
      <div className="field discard-field">
        <label className="field-label" htmlFor={fieldId}>
          {t('deadLetters.discard.reason')}
        </label>
        <textarea
          ref={fieldRef}
          id={fieldId}
          className={`input textarea${feedback.kind === 'error' ? ' input--invalid' : ''}`}
          rows={3}
          data-testid="discard-reason"
          value={reason}
          disabled={busy}
          aria-invalid={feedback.kind === 'error'}
          aria-describedby={feedbackId}
          onChange={(event) => {
            setReason(event.target.value);
            setRefusal(null);
          }}
        />
        <div id={feedbackId} className={`field-feedback field-feedback--${feedback.kind}`} aria-live="polite">
          <span data-testid={feedback.testId}>{feedback.text}</span>
        </div>
      </div>
      {otherRefusal && (
        <p className="notice notice--error dialog-notice" role="alert" data-testid="discard-error" data-code={otherRefusal.code}>
          <Icon name="alert" />
          <span>{errorText(otherRefusal)}</span>
        </p>
      )}
      {!gone && (
        <p className="dialog-warning">
          <Icon name="alert" />
          <span>{t('deadLetters.discard.irreversible')}</span>
        </p>
      )}
    </ConfirmDialog>
  );
}
