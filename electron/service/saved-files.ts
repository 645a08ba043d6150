/** Exported files written into a folder, each whole or not at all. */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { SavedFile } from '../../core/contract/api';
import type { WrittenFile } from '../../core/writer';
import { replaceFile } from '../base/files';

export async function saveFiles(
  files: readonly WrittenFile[],
  folder: string,
): Promise<SavedFile[]> {
  await mkdir(folder, { recursive: true });
  const saved: SavedFile[] = [];
  for (const file of files) {
    const path = join(folder, file.savedName);
    await replaceFile(path, file.bytes, folder);
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
