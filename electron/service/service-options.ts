/**
 * What a service is made with (its data folder, profiles, timings and limits), and the one
 * folder every export may use, apart from the service itself: a transport or a test names them
 * without the service's imports.
 */
import { join } from 'node:path';
import type { PasswordKeeping } from '../../core/contract/api';
import type { Profile } from '../client/profile';
import type { Timings } from './timings';

export interface ServiceOptions {
  /** The app's data folder: the history, the batches' files, the settings. */
  dataDir: string;
  /** The profiles; the first is the default. */
  profiles: Profile[];
  timings?: Partial<Timings>;
  /**
   * At start, take up the batches of the history that were not finished: follow again those on
   * the servers, and ask the servers about those left uploading by a process that is gone.
   * Default true; the command line's `send` takes up only the batch it sends again.
   */
  resume?: boolean;
  /** Where sendFile reads relative paths from. Default the process's folder. */
  cwd?: string;
  /**
   * The folders, besides the app's own exports folder, that exportMessages may write into: in
   * the desktop window, those the person chose in the save dialog. Default none, as in headless
   * mode, where the page downloads its exports itself.
   */
  mayExportTo?: (folder: string) => boolean;
  /** Where a password given in the app is kept (the window's keychain). Default this run only. */
  passwordKept?: PasswordKeeping;
  /** Waited for between two steps of a large send or export; default the loop's next turn. */
  pause?: () => Promise<void>;
}

/** The app's own exports folder, in its data folder: the one folder every export may use. */
export function exportsFolder(dataDir: string): string {
  return join(dataDir, 'exports');
}
