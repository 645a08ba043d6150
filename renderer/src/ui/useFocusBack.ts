import { useEffect, useState } from 'react';
import type { RefObject } from 'react';

/**
 * Gives the focus back to `button` when `dialog` closes and the browser could not give it back
 * (Send… disabled while its send is still being prepared), as soon as the button can take it
 * (`enabled`). The browser gives the focus back to what had it only if that can take it at that
 * moment; else it leaves it nowhere, and a keyboard user who pressed Escape at once had lost
 * their place.
 *
 * The close event comes a task after the dialog closed: by then the button may be enabled
 * again, and the focus may still be on the closed dialog's button until the next frame moves it
 * to the page. So the focus is owed whenever it is not on the page's own elements then, whatever
 * the button is by then.
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
      if (focusLost(element)) setOwed(true);
    };
    element.addEventListener('close', closed);
    return () => element.removeEventListener('close', closed);
  }, [dialog]);
  useEffect(() => {
    if (!owed || !enabled) return;
    setOwed(false);
    const element = dialog.current;
    // Not taken from where the person has put it meanwhile, nor from a dialog opened again.
    if (element !== null && !element.open && focusLost(element)) button.current?.focus();
  }, [owed, enabled, dialog, button]);
}

/** Whether the focus is nowhere, or still on the closed dialog. */
function focusLost(dialog: HTMLDialogElement): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || dialog.contains(active);
}
