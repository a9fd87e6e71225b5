import { useEffect, useRef } from 'react';

/**
 * Moves focus to the element (usually a screen's heading, with tabIndex={-1}) when a screen
 * appears, so keyboard users start at the top and screen readers announce the new screen.
 */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
