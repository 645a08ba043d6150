/**
 * The files the window may read by path: only those the person chose (in the open dialog) or
 * opened with Sendsheet from the system. A page that went wrong, asking for ~/.ssh/id_rsa,
 * gets a refusal, not the file.
 */
import { open } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { describeReadError } from '../base/read-error';
import { MAX_CHOSEN_FILE_BYTES } from '../../core/contract/desktop';
import type { ChosenFile } from '../../core/contract/desktop';

export class ChosenFiles {
  private readonly granted = new Set<string>();

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

  async read(path: string): Promise<ChosenFile> {
    if (!this.isGranted(path))
      return { ok: false, error: 'Sendsheet reads only a file you chose or opened with it.' };
    const name = basename(path);
    let handle;
    try {
      handle = await open(resolve(path), 'r');
    } catch (error) {
      return { ok: false, error: `Cannot read ${name}: ${describeReadError(error)}.` };
    }
    try {
      const { size, isFile } = await handle.stat().then((s) => ({
        size: s.size,
        isFile: s.isFile(),
      }));
      if (!isFile) return { ok: false, error: `${name} is not a file.` };
      if (size > this.maxBytes) {
        const mib = (this.maxBytes / 1024 / 1024).toFixed(0);
        return {
          ok: false,
          error: `${name} is larger than ${mib} MiB: split it into smaller files.`,
        };
      }
      const bytes = await handle.readFile();
      return {
        ok: true,
        name,
        bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length),
      };
    } catch (error) {
      return { ok: false, error: `Cannot read ${name}: ${describeReadError(error)}.` };
    } finally {
      await handle.close();
    }
  }
}
