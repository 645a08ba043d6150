import { useEffect, useState } from 'react';
import type { RefObject } from 'react';

/**
 * Gives the focus back to `button` when `dialog` closes while the button cannot take it
 * (disabled: Send… while its send is still being prepared), as soon as it can (`enabled`). The
 * browser gives the focus back to what had it only if that can take it at that moment; else it
 * leaves it nowhere, and a keyboard user who pressed Escape at once had lost their place.
 */
export function useFocusBack(
  dialog: RefObject<HTMLDialogElement | null>,
  button: RefObject<HTMLButtonElement | null>,
  enabled: boolean,
): void {
  const [owed, setOwed] = useState(false);
  useEffect(() => {
    const element = dialog.current;
    if (element === null) return;
    const closed = () => {
      if (focusLost() && button.current?.disabled === true) setOwed(true);
    };
    element.addEventListener('close', closed);
    return () => element.removeEventListener('close', closed);
  }, [dialog, button]);
  useEffect(() => {
    if (!owed || !enabled) return;
    setOwed(false);
    // Not taken from where the person has put it meanwhile.
    if (focusLost()) button.current?.focus();
  }, [owed, enabled, button]);
}

function focusLost(): boolean {
  return document.activeElement === null || document.activeElement === document.body;
}
