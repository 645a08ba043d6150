/**
 * Reading a file a person named by its path (a file chosen in the window, a file given to
 * `sendsheet send` or `check`): a regular file only, never a device (/dev/zero never ends), a
 * FIFO (opening one blocks a thread of Node's file pool until a writer comes: four of them stop
 * every file operation of the process, the emulated servers' included) or a file of the
 * kernel's (/proc/self/environ holds the process's secrets), and never more than a limit.
 */
import { constants } from 'node:fs';
import type { Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { describeReadError } from './read-error';

export type BoundedRead =
  | {
      ok: true;
      /** At most `limit + 1` bytes: more than `limit` means the file is larger than the limit. */
      bytes: Uint8Array;
      /** Whether `bytes` is the whole file (it was not larger than the limit). */
      whole: boolean;
    }
  | {
      ok: false;
      /** `Cannot read NAME: REASON.` */
      error: string;
      /** Why, in words: "there is no such file", "it is a folder", ... */
      reason: string;
    };

/** The folders whose files the kernel makes up as they are read. */
const KERNEL_FOLDERS = ['/proc', '/sys'];

let kernelDevices: Promise<Set<number>> | null = null;

/** The devices of /proc and /sys on this system (none where they do not exist). */
function kernelDevicesOf(): Promise<Set<number>> {
  kernelDevices ??= Promise.all(
    KERNEL_FOLDERS.map((folder) =>
      stat(folder).then(
        (s) => s.dev,
        () => null,
      ),
    ),
  ).then((devices) => new Set(devices.filter((dev): dev is number => dev !== null)));
  return kernelDevices;
}

/**
 * Why the file is not read, in words; null for a regular file that is not one of /proc or /sys
 * (which say they are regular, of size 0 or 4096, and are made up as they are read).
 */
export async function refusal(stats: Stats): Promise<string | null> {
  if (stats.isDirectory()) return 'it is a folder';
  if (stats.isFile() && !(await kernelDevicesOf()).has(stats.dev)) return null;
  return 'it is not a regular file (a device, a pipe and a file of the system are never read)';
}

// O_NONBLOCK: a FIFO put in the file's place between the check and the opening opens at once
// (and is then refused) instead of holding a thread until something writes to it.
export const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * One buffer that file after file is read into, for a caller done with each file's bytes before
 * it reads the next (`sendsheet check FILE...`): 30 MiB of memory the process has never touched
 * cost 100-150 ms of page faults on every read, the same memory reused almost nothing.
 */
export class ReadBuffer {
  #buffer = new Uint8Array(0);

  /** `size` bytes of the buffer, grown (never shrunk) when it is smaller. */
  take(size: number): Uint8Array {
    if (this.#buffer.length < size) this.#buffer = new Uint8Array(size);
    return this.#buffer.subarray(0, size);
  }
}

/**
 * Reads at most `limit + 1` bytes of the regular file at `path`, enough to tell that it is
 * larger than `limit` without reading the rest (a file still growing included). Into `reused`
 * when given: the bytes are then a view of it, valid until its next read.
 */
export async function readRegularFileBounded(
  path: string,
  limit: number,
  reused?: ReadBuffer,
): Promise<BoundedRead> {
  const not = (reason: string): BoundedRead => ({
    ok: false,
    error: `Cannot read ${basename(path)}: ${reason}.`,
    reason,
  });
  const cannot = (error: unknown) => not(describeReadError(error));
  // Checked before opening, so that a device is never even opened ...
  try {
    const refused = await refusal(await stat(path));
    if (refused !== null) return not(refused);
  } catch (error) {
    return cannot(error);
  }
  let handle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch (error) {
    return cannot(error);
  }
  try {
    // ... and again on what was opened, which is what is read.
    const stats = await handle.stat();
    const refused = await refusal(stats);
    if (refused !== null) return not(refused);
    const size = Math.min(stats.size, limit + 1);
    let buffer = reused?.take(size) ?? new Uint8Array(size);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > limit) break;
        // Full: one byte more tells whether the file grew since it was measured.
        const probe = new Uint8Array(1);
        const { bytesRead } = await handle.read(probe, 0, 1, length);
        if (bytesRead === 0) break;
        const grown = new Uint8Array(Math.min(Math.max(length * 2, 64 * 1024), limit + 1));
        grown.set(buffer.subarray(0, length));
        grown[length++] = probe[0]!;
        buffer = grown;
        continue;
      }
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    // A copy only when the file shrank or grew while it was read: the bytes cross to the window
    // with their whole buffer, which must hold nothing else. A reused buffer never crosses.
    const bytes =
      length === buffer.length
        ? buffer
        : reused
          ? buffer.subarray(0, length)
          : buffer.slice(0, length);
    return { ok: true, bytes, whole: length <= limit };
  } catch (error) {
    return cannot(error);
  } finally {
    await handle.close();
  }
}
