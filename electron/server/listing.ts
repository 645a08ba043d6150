/**
 * The files of one folder as LIST shows them: every file under one of its names, never a file
 * left out. A folder is read, then each file looked at; a file renamed in between (a `.ready`
 * claimed as `.processing`, a `.processing` finished as `.success`) is gone under the name read
 * and not yet seen under its new one. Left out, it would tell a client that its batch is not on
 * the server at all, and a client reconciling a send reads that as "never sent". So such a
 * listing is read again, and when the folder will not hold still, the LIST fails: a client can
 * tell a failure from an empty answer, and cannot tell a partial one.
 */
import type { Dirent, Stats } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isErrno } from '../base/files';
import { FtpRefusal } from './replies';

/** What a listing reads the folder with; the tests give their own to rename at the worst moment. */
export interface FolderReader {
  readdir(path: string): Promise<Dirent[]>;
  lstat(path: string): Promise<Stats>;
}

const realFolder: FolderReader = {
  readdir: (path) => readdir(path, { withFileTypes: true }),
  lstat,
};

/** Readings of the folder before the LIST fails: each file moves on a few times at most. */
const READINGS = 5;

/** The regular files of `root` with their stats, sorted by name. */
export async function listFolder(
  root: string,
  reader: FolderReader = realFolder,
): Promise<{ name: string; stats: Stats }[]> {
  for (let reading = 0; reading < READINGS; reading++) {
    const entries = await reader.readdir(root);
    let moved = false;
    const files = await Promise.all(
      entries
        .filter((entry) => entry.isFile())
        .map(async (entry) => {
          const stats = await reader.lstat(join(root, entry.name)).catch((error: unknown) => {
            if (isErrno(error, 'ENOENT')) moved = true;
            return null;
          });
          return stats?.isFile() ? { name: entry.name, stats } : null;
        }),
    );
    if (moved) continue;
    return files
      .filter((file): file is { name: string; stats: Stats } => file !== null)
      .sort((a, b) => (a.name < b.name ? -1 : 1));
  }
  throw new FtpRefusal('The files changed while they were listed: list them again.');
}
