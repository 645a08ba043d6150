/** The files of one folder as LIST shows them. */
import type { Dirent, Stats } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** What a listing reads the folder with; the tests give their own to rename at the worst moment. */
export interface FolderReader {
  readdir(path: string): Promise<Dirent[]>;
  lstat(path: string): Promise<Stats>;
}

const realFolder: FolderReader = {
  readdir: (path) => readdir(path, { withFileTypes: true }),
  lstat,
};

/** The regular files of `root` with their stats, sorted by name. */
export async function listFolder(
  root: string,
  reader: FolderReader = realFolder,
): Promise<{ name: string; stats: Stats }[]> {
  const entries = await reader.readdir(root);
  const files = await Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => {
        const stats = await reader.lstat(join(root, entry.name)).catch(() => null);
        return stats?.isFile() ? { name: entry.name, stats } : null;
      }),
  );
  return files
    .filter((file): file is { name: string; stats: Stats } => file !== null)
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}
