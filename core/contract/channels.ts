/**
 * The names each transport carries the contract under: IPC channels in the desktop window,
 * HTTP paths and event names in headless mode, and the globals the preload puts on the page.
 */

/** IPC: each method is invoked on `sendsheet:<method>`; changes arrive on BATCH_CHANNEL. */
export const IPC_PREFIX = 'sendsheet:';
export const SUBSCRIBE_CHANNEL = 'sendsheet:subscribe';
export const UNSUBSCRIBE_CHANNEL = 'sendsheet:unsubscribe';
export const BATCH_CHANNEL = 'sendsheet:batch';

/** HTTP: `POST /api/<method>` with the request's lines (wire.ts); server-sent events on EVENTS_PATH. */
export const API_PREFIX = '/api/';
export const EVENTS_PATH = '/api/events';
/** The SSE event name of a batch change. */
export const BATCH_EVENT = 'batch';

/** IPC channels of the desktop window's native touches. */
export const DESKTOP_CHANNELS = {
  /** invoke: the open dialog for a spreadsheet; answers its path or null. */
  openDialog: 'desktop:open-dialog',
  /** invoke with a suggested file name: the save dialog; answers a SaveTarget or null. */
  saveDialog: 'desktop:save-dialog',
  /** invoke with a path chosen in the dialog or opened by the system: the file's bytes. */
  readFile: 'desktop:read-file',
  /**
   * invoke, when the page starts listening for commands: answers those that came before (a
   * file the app was opened with), and main sends the next ones on `command`.
   */
  listen: 'desktop:listen',
  /** main to window: a command of the menu, or a file the system asked the app to open. */
  command: 'desktop:command',
} as const;

/** The globals the preload puts on the window. */
export const SERVICE_GLOBAL = 'sendsheet';
export const DESKTOP_GLOBAL = 'sendsheetDesktop';
