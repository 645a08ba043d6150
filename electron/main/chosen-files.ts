/**
 * The files the window may read by path: only those the person chose (in the open dialog) or
 * opened with Sendsheet from the system; and the folders it may export into: those the person
 * chose in the save dialog (besides the app's own exports folder). A page that went wrong, asking for ~/.ssh/id_rsa,
 * gets a refusal, not the file; and a granted path is still read only as a regular file, at most
 * the window's limit (electron/base/regular-file.ts).
 */
import { basename, resolve } from 'node:path';
import { readRegularFileBounded } from '../base/regular-file';
import { MAX_CHOSEN_FILE_BYTES } from '../../core/contract/desktop';
import type { ChosenFile } from '../../core/contract/desktop';

export class ChosenFiles {
  private readonly granted = new Set<string>();
  private readonly folders = new Set<string>();

  constructor(private readonly maxBytes = MAX_CHOSEN_FILE_BYTES) {}

  /** The person chose `path`: the window may read it from now on. */
  grant(path: string): string {
    const absolute = resolve(path);
    this.granted.add(absolute);
    return absolute;
  }

  isGranted(path: string): boolean {
    return this.granted.has(resolve(path));
  }

  /** The person chose `folder` in the save dialog: exports may be written into it. */
  grantFolder(folder: string): string {
    const absolute = resolve(folder);
    this.folders.add(absolute);
    return absolute;
  }

  isFolderGranted(folder: string): boolean {
    return this.folders.has(resolve(folder));
  }

  async read(path: string): Promise<ChosenFile> {
    if (!this.isGranted(path))
      return { ok: false, error: 'Sendsheet reads only a file you chose or opened with it.' };
    const name = basename(path);
    const read = await readRegularFileBounded(resolve(path), this.maxBytes);
    if (!read.ok) return { ok: false, error: read.error };
    if (!read.whole) {
      const mib = (this.maxBytes / 1024 / 1024).toFixed(0);
      return {
        ok: false,
        error: `${name} is larger than ${mib} MiB: split it into smaller files.`,
      };
    }
    return { ok: true, name, bytes: read.bytes };
  }
}
