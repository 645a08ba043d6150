/**
 * What the desktop window adds to the service: the native touches only a window has (a file's
 * path, open and save dialogs, the menu's commands). The preload implements it over IPC; in a
 * browser there is none, and the UI uses the page's own file input, downloads and buttons.
 */

/** What the menu (or the system, for a file opened with Sendsheet) asks the window to do. */
export type DesktopCommand =
  { command: 'open'; path: string } | { command: 'export' } | { command: 'send' };

/** Where to export: the folder and the base name of the files. */
export interface SaveTarget {
  folder: string;
  baseName: string;
}

/** A file the person chose, as the page reads it (`new File([bytes], name)`). */
export type ChosenFile =
  { ok: true; name: string; bytes: Uint8Array } | { ok: false; error: string };

/** The largest file the window reads, as for a dropped file (renderer/src/worker/read-file.ts). */
export const MAX_CHOSEN_FILE_BYTES = 100 * 1024 * 1024;

/** A file as the page has it; the DOM's File, named here without the DOM's types. */
export interface PageFile {
  readonly name: string;
  readonly size: number;
}

/** `window.sendsheetDesktop`: present in the desktop window only. */
export interface DesktopApi {
  /** The path of a dropped or chosen file; '' for a file that is not on disk. */
  pathForFile(file: PageFile): string;
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
