/**
 * What the desktop window adds to the service: the native touches only a window has (a file's
 * path, open and save dialogs, the menu's commands). Types and channel names only, no Node and
 * no Electron: the main process and the preload both import it, and so may the UI's types.
 */

/** IPC channels of the native touches; the service's own are in electron/service/api.ts. */
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

/** What the menu (or the system, for a file opened with Sendsheet) asks the window to do. */
export type DesktopCommand =
  { command: 'open'; path: string } | { command: 'export' } | { command: 'send' };

/** Where to export: the folder and the base name of ExportRequest. */
export interface SaveTarget {
  folder: string;
  baseName: string;
}

/** A file the person chose, as the page reads it (`new File([bytes], name)`). */
export type ChosenFile =
  { ok: true; name: string; bytes: Uint8Array } | { ok: false; error: string };

/** The largest file the window reads, as for a dropped file (renderer/src/worker/read-file.ts). */
export const MAX_CHOSEN_FILE_BYTES = 100 * 1024 * 1024;

/** `window.sendsheetDesktop`: present in the desktop window only. */
export interface DesktopApi {
  /** The path of a dropped or chosen file; '' for a file that is not on disk. */
  pathForFile(file: File): string;
  /** Asks for a spreadsheet to open; null when the person cancels. */
  chooseFile(): Promise<string | null>;
  /**
   * Reads a file the person chose in the dialog or opened with Sendsheet from the system; any
   * other path is refused, so a page that went wrong cannot read the person's files.
   */
  readFile(path: string): Promise<ChosenFile>;
  /** Asks where to export, suggesting `suggestedName`; null when the person cancels. */
  chooseSaveTarget(suggestedName: string): Promise<SaveTarget | null>;
  /** Calls `listener` with each command of the menu; the function returned stops it. */
  onCommand(listener: (command: DesktopCommand) => void): () => void;
}

/** The globals the preload puts on the window. */
export const SERVICE_GLOBAL = 'sendsheet';
export const DESKTOP_GLOBAL = 'sendsheetDesktop';
