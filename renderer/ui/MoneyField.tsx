import { useId, type Ref } from 'react';

export interface FieldFeedback {
  kind: 'hint' | 'error' | 'ok';
  text: string;
  testId?: string;
}

interface Props {
  label: string;
  value: string;
  /** The currency's code, shown after the amount so nobody types øre into a krone field. */
  unit: string;
  placeholder: string;
  testId: string;
  feedback: FieldFeedback | null;
  inputRef?: Ref<HTMLInputElement>;
  onChange(value: string): void;
}

/** An amount typed in major units ("250,50"); parsing is the caller's (exact, in minor units). */
export function MoneyField({ label, value, unit, placeholder, testId, feedback, inputRef, onChange }: Props) {
  const inputId = useId();
  const feedbackId = useId();
  const invalid = feedback?.kind === 'error';
  return (
    <div className="field">
      <label className="field-label" htmlFor={inputId}>{label}</label>
      <div className="money-input">
        <input
          ref={inputRef}
          id={inputId}
          className={`input input--money${invalid ? ' input--invalid' : ''}`}
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          maxLength={24}
          placeholder={placeholder}
          data-testid={testId}
          value={value}
          aria-invalid={invalid}
          aria-describedby={feedbackId}
          onChange={(event) => onChange(event.target.value)}
        />
        <span className="money-input-unit" aria-hidden="true">{unit}</span>
      </div>
      <div id={feedbackId} className={`field-feedback field-feedback--${feedback?.kind ?? 'hint'}`} aria-live="polite">
        {feedback && <span data-testid={feedback.testId}>{feedback.text}</span>}
      </div>
    </div>
  );
}
