/** The open and save dialogs: what they offer, and what their answers mean for the service. */
import { basename, dirname, extname } from 'node:path';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';

/** What Sendsheet opens: the server's CSV (and its .txt) and the spreadsheets the page reads. */
export const SPREADSHEET_EXTENSIONS = ['csv', 'txt', 'xlsx', 'xls', 'ods'] as const;

export function openDialogOptions(defaultPath?: string): OpenDialogOptions {
  return {
    title: 'Open a spreadsheet',
    ...(defaultPath === undefined ? {} : { defaultPath }),
    properties: ['openFile'],
    filters: [
      { name: 'Spreadsheets', extensions: [...SPREADSHEET_EXTENSIONS] },
      { name: 'All files', extensions: ['*'] },
    ],
  };
}

/** The export is CSV: the dialog suggests `<name>.csv` in `folder`. */
export function saveDialogOptions(suggestedName: string, folder: string): SaveDialogOptions {
  const name = suggestedName.toLowerCase().endsWith('.csv')
    ? suggestedName
    : `${suggestedName}.csv`;
  return {
    title: 'Export messages',
    defaultPath: `${folder.replace(/[\\/]+$/, '')}/${name}`,
    buttonLabel: 'Export',
    filters: [{ name: 'CSV', extensions: ['csv'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}

/**
 * Where the export goes, from the path the save dialog answered: its folder, and its name
 * without the extension (the export adds `.csv`, and a part number when it splits the file).
 */
export function saveTarget(filePath: string): { folder: string; baseName: string } {
  const name = basename(filePath);
  const extension = extname(name);
  const baseName = extension.toLowerCase() === '.csv' ? name.slice(0, -extension.length) : name;
  return { folder: dirname(filePath), baseName: baseName || name };
}
