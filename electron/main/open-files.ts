/**
 * The files the system asks Sendsheet to open: on Windows and Linux as arguments of the
 * command line (of the first instance, or of a second one that hands them over), on macOS as
 * `open-file` events. Only spreadsheets are taken; Chromium's switches and anything else are
 * left alone.
 */
import { extname, isAbsolute, resolve } from 'node:path';
import { SPREADSHEET_EXTENSIONS } from './dialogs';

const OPENABLE = new Set<string>(SPREADSHEET_EXTENSIONS.map((extension) => `.${extension}`));

export function isOpenable(path: string): boolean {
  return OPENABLE.has(extname(path).toLowerCase());
}

/**
 * The spreadsheets named in `argv` (a process's whole argv: the executable first), made
 * absolute from the folder the command ran in. `--` switches and their values are skipped.
 */
export function filesInArgv(argv: readonly string[], cwd: string): string[] {
  const files: string[] = [];
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-') || !isOpenable(arg)) continue;
    files.push(isAbsolute(arg) ? arg : resolve(cwd, arg));
  }
  return files;
}
