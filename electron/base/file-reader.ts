/**
 * A large regular file read a piece at a time, at any place (core's ByteReader): `sendsheet
 * check` reads a 30 MiB file twice through a window of 1 MiB rather than once into 30 MiB
 * of memory the process has never touched, whose page faults cost ten times the reading.
 * Reading a file more than once sees a file that changes in between: `changed` tells.
 */
import type { BigIntStats } from 'node:fs';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ByteReader } from '../../core/byte-window';
import { OPEN_FLAGS, refusal } from './regular-file';

/** The file changed (it became shorter) while it was being read. */
export class FileChangedError extends Error {}

/** What says a file's content is the same: a write changes its size or its times. */
const sameFile = (a: BigIntStats, b: BigIntStats) =>
  a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;

export class FileReader implements ByteReader {
  readonly size: number;
  readonly #opened: BigIntStats;

  private constructor(
    private readonly fd: number,
    stats: BigIntStats,
  ) {
    this.#opened = stats;
    this.size = Number(stats.size);
  }

  /**
   * The regular file at `path` when it holds at least `from` bytes; null for a smaller one, or
   * for any that cannot be read this way (its caller reads it whole, and says why not).
   */
  static async open(path: string, from: number): Promise<FileReader | null> {
    // As readRegularFileBounded: a device is never even opened, and what was opened is checked.
    try {
      const before = await stat(path);
      if (before.size < from || (await refusal(before)) !== null) return null;
    } catch {
      return null;
    }
    let fd: number;
    try {
      fd = openSync(path, OPEN_FLAGS);
    } catch {
      return null;
    }
    try {
      const stats = fstatSync(fd, { bigint: true });
      if (stats.size >= BigInt(from) && (await refusal(fstatSync(fd))) === null) {
        return new FileReader(fd, stats);
      }
    } catch {
      // Read whole by the caller, which then says what is wrong.
    }
    closeSync(fd);
    return null;
  }

  read(into: Uint8Array, at: number): number {
    let filled = 0;
    while (filled < into.length) {
      const read = readSync(this.fd, into, filled, into.length - filled, at + filled);
      if (read === 0) break;
      filled += read;
    }
    if (filled < into.length && at + filled < this.size) {
      throw new FileChangedError(`it became shorter while it was read`);
    }
    return filled;
  }

  /** Whether the file was written to since it was opened. */
  changed(): boolean {
    return !sameFile(this.#opened, fstatSync(this.fd, { bigint: true }));
  }

  close(): void {
    closeSync(this.fd);
  }
}
