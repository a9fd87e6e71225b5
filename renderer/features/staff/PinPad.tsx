import { useId, useRef, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  value: string;
  onChange(value: string): void;
  onSubmit(): void;
  busy?: boolean;
  /** What is wrong, said under the field (a wrong PIN, a lockout). */
  error?: string | null;
  submitLabel: string;
  testId?: string;
}

const MAX_DIGITS = 8;
const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/**
 * A PIN typed on the keyboard or tapped on the pad: a masked field that only takes digits, and
 * big keys for a touch screen. The field keeps focus, so a cashier with a keyboard never needs the pad.
 */
export function PinPad({ value, onChange, onSubmit, busy = false, error, submitLabel, testId = 'pin' }: Props) {
  const { t } = useTranslation();
  const inputId = useId();
  const errorId = useId();
  const input = useRef<HTMLInputElement>(null);
  const set = (next: string) => {
    onChange(next.replace(/\D/g, '').slice(0, MAX_DIGITS));
    input.current?.focus();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A PIN pad may sit in a dialog opened from another form's screen: its Enter is its own.
    event.stopPropagation();
    if (!busy && value.length >= 4) onSubmit();
  };

  return (
    <form className="pin-pad" onSubmit={submit} noValidate>
      <label htmlFor={inputId} className="field-label">
        {t('staff.pin')}
      </label>
      <input
        ref={input}
        id={inputId}
        className="pin-input"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        autoFocus
        value={value}
        disabled={busy}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        data-testid={`${testId}-input`}
        onChange={(event) => set(event.target.value)}
      />
      {error && (
        <p id={errorId} className="field-error" role="alert" data-testid={`${testId}-error`}>
          {error}
        </p>
      )}
      <div className="pin-keys" role="group" aria-label={t('staff.keypad')}>
        {keys.map((digit) => (
          <button key={digit} type="button" className="pin-key" disabled={busy} onClick={() => set(value + digit)}>
            {digit}
          </button>
        ))}
        <button type="button" className="pin-key" disabled={busy} aria-label={t('staff.deleteDigit')} onClick={() => set(value.slice(0, -1))}>
          ⌫
        </button>
        <button type="button" className="pin-key" disabled={busy} onClick={() => set(value + '0')}>
          0
        </button>
        <button type="submit" className="pin-key pin-key--ok" disabled={busy || value.length < 4} data-testid={`${testId}-submit`}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
