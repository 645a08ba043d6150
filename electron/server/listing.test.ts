// LIST never leaves out a file renamed while the folder is read: a batch missing from a listing
// reads as "never sent" to a client reconciling it.
import { lstat, mkdtemp, readdir, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FolderReader } from './listing';
import { listFolder } from './listing';
import { FtpRefusal } from './replies';

async function folderWith(...names: string[]): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'sendsheet-listing-'));
  for (const name of names) await writeFile(join(root, name), 'x');
  return root;
}

/** Reads the folder for real, but renames the files in `moves` right after each readdir. */
function renamingAfterRead(root: string, moves: [string, string][]): FolderReader {
  return {
    readdir: async (path) => {
      const entries = await readdir(path, { withFileTypes: true });
      const move = moves.shift();
      if (move) await rename(join(root, move[0]), join(root, move[1]));
      return entries;
    },
    lstat,
  };
}

describe('listFolder', () => {
  it('shows a file claimed between reading the folder and looking at the file', async () => {
    const root = await folderWith('other.csv.ready', 'list-abc.csv.ready');
    const reader = renamingAfterRead(root, [
      ['list-abc.csv.ready', 'list-abc.csv.20261129T100000.processing'],
    ]);
    const names = (await listFolder(root, reader)).map((file) => file.name);
    expect(names).toEqual(['list-abc.csv.20261129T100000.processing', 'other.csv.ready']);
  });

  it('shows a file that moves on twice while it is listed', async () => {
    const root = await folderWith('list-abc.csv.ready');
    const reader = renamingAfterRead(root, [
      ['list-abc.csv.ready', 'list-abc.csv.20261129T100000.processing'],
      ['list-abc.csv.20261129T100000.processing', 'list-abc.csv.20261129T100000.success'],
    ]);
    const names = (await listFolder(root, reader)).map((file) => file.name);
    expect(names).toEqual(['list-abc.csv.20261129T100000.success']);
  });

  it('fails, never answers with files left out, when the folder will not hold still', async () => {
    const root = await folderWith('a.ready');
    const moves: [string, string][] = [];
    for (let i = 0; i < 50; i++)
      moves.push([`a${'x'.repeat(i)}.ready`, `a${'x'.repeat(i + 1)}.ready`]);
    await expect(listFolder(root, renamingAfterRead(root, moves))).rejects.toBeInstanceOf(
      FtpRefusal,
    );
  });

  it('lists the regular files, sorted, nothing else', async () => {
    const root = await folderWith('b.ready', 'a.ready');
    const names = (await listFolder(root)).map((file) => file.name);
    expect(names).toEqual(['a.ready', 'b.ready']);
  });
});
