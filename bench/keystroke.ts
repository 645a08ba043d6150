/**
 * One keystroke typed into the focused input as a key press types it, timed to the frame that
 * shows it: the figure of the keystroke benches (ui.bench.ts, ui-keys.ts).
 */
import type { Page } from 'playwright-core';

/** The key that deletes the character before the caret, as `timedKeystroke`'s `key`. */
export const BACKSPACE = 'Backspace';

/** `key`: a character to add at the end, or BACKSPACE to delete the last one. */
export function timedKeystroke(page: Page, key: string): Promise<number> {
  return page.evaluate(
    async ({ key, backspace }) => {
      const input = document.activeElement as HTMLInputElement;
      const started = performance.now();
      // React listens for the input event, which setting the value alone does not fire.
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!;
      const value = input.value;
      setValue.set!.call(input, key === backspace ? value.slice(0, -1) : value + key);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((shown) => requestAnimationFrame(() => setTimeout(shown, 0)));
      return performance.now() - started;
    },
    { key, backspace: BACKSPACE },
  );
}
