import { useId, type ReactNode } from 'react';
import { useModalDialog } from './use-modal-dialog';

interface Props {
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  busy?: boolean;
  /** The confirm button waits for something the caller asks for (e.g. a typed reason). */
  confirmDisabled?: boolean;
  confirmTestId?: string;
  /** Fields or notes between the question and the answers. */
  children?: ReactNode;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * A modal question inside the app (window.confirm would block the renderer and look foreign).
 * Rendered only while open; the native <dialog> gives focus trapping, Escape and the backdrop.
 * The safe answer comes first, so it is the one that gets focus (a field in `children` gets it first).
 */
export function ConfirmDialog({ title, body, confirmLabel, cancelLabel, busy = false, confirmDisabled = false, confirmTestId, children, onConfirm, onCancel }: Props) {
  const ref = useModalDialog();
  const titleId = useId();
  const bodyId = useId();


  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        // Escape: let React decide, so the dialog never closes without the state knowing.
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id={titleId} className="dialog-title">{title}</h2>
      <p id={bodyId}>{body}</p>
      {children}
      <div className="dialog-actions">
        <button type="button" className="button button--secondary" onClick={onCancel} disabled={busy}>
          {cancelLabel}
        </button>
        <button type="button" className="button button--danger" onClick={onConfirm} disabled={busy || confirmDisabled} data-testid={confirmTestId}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
