import { useEffect, useRef } from 'react';

/**
 * A native <dialog> shown as a modal while its component is mounted: the browser gives focus
 * trapping, Escape and the backdrop. Rendered only while open, so closing is unmounting.
 */
export function useModalDialog() {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return ref;
}
