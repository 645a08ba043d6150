/** Exported files written into a folder, each whole or not at all, readable by their owner only. */
import { join } from 'node:path';
import type { SavedFile } from '../../core/contract/api';
import type { WrittenFile } from '../../core/writer';
import { PRIVATE_FILE, privateDir, replaceFile } from '../base/files';

/**
 * `own`: the folder is the app's exports folder, made (owner-only) when missing; any other is a
 * folder the person chose, which is theirs to keep as it is.
 */
export async function saveFiles(
  files: readonly WrittenFile[],
  folder: string,
  own: boolean,
): Promise<SavedFile[]> {
  if (own) await privateDir(folder);
  const saved: SavedFile[] = [];
  for (const file of files) {
    const path = join(folder, file.savedName);
    await replaceFile(path, file.bytes, folder, PRIVATE_FILE);
    saved.push({
      path,
      fileName: file.savedName,
      uploadName: file.uploadName,
      rows: file.rows,
      bytes: file.bytes.length,
      encoding: file.encoding,
      format: file.format,
    });
  }
  return saved;
}
