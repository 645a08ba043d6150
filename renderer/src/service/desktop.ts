/**
 * The desktop window's native touches (open and save dialogs, the menu's commands), which the
 * Electron preload puts on `window.sendsheetDesktop`. In a browser there are none, and the UI
 * uses the page's own file input, downloads and buttons instead.
 */
import type { DesktopApi } from '../../../core/contract/desktop';

declare global {
  interface Window {
    sendsheetDesktop?: DesktopApi;
  }
}

export type { DesktopApi };

export function desktop(): DesktopApi | null {
  return typeof window === 'undefined' ? null : (window.sendsheetDesktop ?? null);
}
