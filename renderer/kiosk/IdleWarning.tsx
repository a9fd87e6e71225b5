import { useId } from 'react';
import { useModalDialog } from '../ui/use-modal-dialog';
import { useTranslation } from 'react-i18next';

/** "Do you need more time?", counting down before the kiosk starts over for the next customer. */
export function IdleWarning({ secondsLeft, onKeepGoing, onStartOver }: { secondsLeft: number; onKeepGoing(): void; onStartOver(): void }) {
  const { t } = useTranslation();
  const ref = useModalDialog();
  const titleId = useId();


  return (
    <dialog
      ref={ref}
      className="dialog kiosk-idle"
      aria-labelledby={titleId}
      data-testid="kiosk-idle"
      onCancel={(event) => {
        event.preventDefault();
        onKeepGoing();
      }}
    >
      <h2 id={titleId} className="dialog-title">{t('kiosk.idleTitle')}</h2>
      <p role="timer" aria-live="off" data-testid="kiosk-idle-seconds">
        {t('kiosk.idleBody', { count: secondsLeft })}
      </p>
      <div className="dialog-actions">
        <button type="button" className="button button--secondary button--large" onClick={onStartOver}>
          {t('kiosk.startOver')}
        </button>
        <button type="button" className="button button--primary button--large" data-testid="kiosk-more-time" onClick={onKeepGoing}>
          {t('kiosk.moreTime')}
        </button>
      </div>
    </dialog>
  );
}
