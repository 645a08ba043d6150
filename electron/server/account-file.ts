/**
 * The server's own reading and writing of a file in an account's folder, where anyone with a
 * shell on the machine can put anything: a file is opened only if it is a regular file, never
 * through a symbolic link, and never waiting on a FIFO or a device (O_NONBLOCK), which would
 * hold one of the few threads every file operation of the process shares.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';

const READ = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;
const WRITE = constants.O_WRONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

/** The name is there, but not as a regular file: a FIFO, device, folder or link. */
export class NotRegularFile extends Error {
  readonly code = 'ENOTREG';
}

export interface OpenedFile {
  handle: FileHandle;
  size: number;
}

async function openRegular(path: string, flags: number): Promise<OpenedFile> {
  let handle: FileHandle;
  try {
    handle = await open(path, flags);
  } catch (error) {
    // O_NOFOLLOW on a symbolic link.
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw new NotRegularFile();
    throw error;
  }
  const stats = await handle.stat().catch(async (error: unknown) => {
    await handle.close();
    throw error;
  });
  if (!stats.isFile()) {
    await handle.close();
    throw new NotRegularFile();
  }
  return { handle, size: stats.size };
}

/** Opens a regular file for reading, with its size. */
export function openForReading(path: string): Promise<OpenedFile> {
  return openRegular(path, READ);
}

/** The first `size` bytes; a file that shrank gives fewer. */
export async function readBytes(handle: FileHandle, size: number, position = 0): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const { bytesRead } = await handle.read(buffer, filled, size - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}

/** Writes `bytes` at `position` of a regular file and flushes them to disk. */
export async function writeAt(path: string, bytes: Uint8Array, position: number): Promise<void> {
  const { handle } = await openRegular(path, WRITE);
  try {
    let offset = 0;
    while (offset < bytes.length) {
      const { bytesWritten } = await handle.write(
        bytes,
        offset,
        bytes.length - offset,
        position + offset,
      );
      offset += bytesWritten;
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Cuts a regular file to `size` bytes. */
export async function cutTo(path: string, size: number): Promise<void> {
  const { handle } = await openRegular(path, WRITE);
  try {
    await handle.truncate(size);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
