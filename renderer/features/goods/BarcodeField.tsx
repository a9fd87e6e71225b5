import { useId, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon';

interface Props {
  inputRef: Ref<HTMLInputElement>;
  /** What went wrong with the last scan, in words; null when it went well. */
  error: string | null;
  onScan(code: string): void;
  onTyping(): void;
}

/**
 * Where the scanner types. A scanner is a keyboard that types the code and Enter: the field is
 * emptied the moment Enter arrives (before the core answers), so the next scan never lands on the
 * tail of the last one. Typing a code by hand and pressing Enter works the same way.
 */
export function BarcodeField({ inputRef, error, onScan, onTyping }: Props) {
  const { t } = useTranslation();
  const inputId = useId();
  const feedbackId = useId();
  const [value, setValue] = useState('');

  return (
    <div className="field barcode-field">
      <label className="field-label" htmlFor={inputId}>{t('goods.barcode.label')}</label>
      <div className="input-with-icon">
        <Icon name="barcode" />
        <input
          ref={inputRef}
          id={inputId}
          className={`input input--barcode${error ? ' input--invalid' : ''}`}
          data-testid="barcode-input"
          autoComplete="off"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint="enter"
          maxLength={64}
          placeholder={t('goods.barcode.placeholder')}
          value={value}
          aria-invalid={error !== null}
          aria-describedby={feedbackId}
          onChange={(event) => {
            setValue(event.target.value);
            onTyping();
          }}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            event.preventDefault();
            const code = event.currentTarget.value.trim();
            setValue('');
            if (code) onScan(code);
          }}
        />
      </div>
      {/* Present while empty, so the live region is in place before the first miss is announced. */}
      <div id={feedbackId} className="field-feedback field-feedback--error" aria-live="assertive">
        {error && <span data-testid="barcode-error">{error}</span>}
      </div>
    </div>
  );
}
