import { useEffect, type RefObject } from 'react';

const EDITABLE = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';

/**
 * A scanner types wherever focus is. While the cart is on screen, a printable key that would go
 * to no field (focus on a button, or nowhere) is sent to the barcode field instead: focus moves
 * in keydown, so the character itself lands in the field. Fields, dialogs and shortcuts keep theirs.
 */
export function useScannerFocus(inputRef: RefObject<HTMLInputElement | null>, active: boolean) {
  useEffect(() => {
    if (!active) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      // Space activates buttons; barcodes have none.
      if (event.key.length !== 1 || event.key === ' ') return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest(EDITABLE) || document.querySelector('dialog[open]')) return;
      inputRef.current?.focus({ preventScroll: true });
    }
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [inputRef, active]);
}
