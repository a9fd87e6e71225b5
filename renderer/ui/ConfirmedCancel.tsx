import { useState } from 'react';
import { ConfirmDialog } from './ConfirmDialog';

export interface CancelTexts {
  button: string;
  busy: string;
  title: string;
  body: string;
  keep: string;
  confirm: string;
}

interface Props {
  texts: CancelTexts;
  testId: string;
  confirmTestId: string;
  disabled: boolean;
  cancelling: boolean;
  onConfirm(): Promise<boolean>;
}

/** Cancelling takes the customer's chance away, so the button always asks inside the app first. */
export function ConfirmedCancel({ texts, testId, confirmTestId, disabled, cancelling, onConfirm }: Props) {
  const [asking, setAsking] = useState(false);
  return (
    <>
      <button type="button" className="button button--danger-outline" data-testid={testId} disabled={disabled || cancelling} onClick={() => setAsking(true)}>
        {cancelling ? texts.busy : texts.button}
      </button>
      {asking && (
        <ConfirmDialog
          title={texts.title}
          body={texts.body}
          cancelLabel={texts.keep}
          confirmLabel={texts.confirm}
          confirmTestId={confirmTestId}
          busy={cancelling}
          onCancel={() => setAsking(false)}
          onConfirm={async () => {
            await onConfirm();
            setAsking(false);
          }}
        />
      )}
    </>
  );
}
