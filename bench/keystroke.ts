/**
 * One keystroke typed into the focused input as a key press types it, timed to the frame that
 * shows it: the figure of the keystroke benches (ui.bench.ts, ui-keys.ts).
 */
import type { Page } from 'playwright-core';

export function timedKeystroke(page: Page, char: string): Promise<number> {
  return page.evaluate(async (char) => {
    const input = document.activeElement as HTMLInputElement;
    const started = performance.now();
    // React listens for the input event, which setting the value alone does not fire.
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!;
    setValue.set!.call(input, input.value + char);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((shown) => requestAnimationFrame(() => setTimeout(shown, 0)));
    return performance.now() - started;
  }, char);
}
