/**
 * File operations whose result is all or nothing, for a server or an app that can be killed at
 * any point; and the app's private files and folders, which only their owner may read.
 */
import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { chmod, link, mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export function isErrno(error: unknown, code: string): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === code;
}

/** What a file is written from: its bytes, or pieces of it in order (text as UTF-8). */
export type Content = Uint8Array | Iterable<Uint8Array | string>;

async function writeAll(handle: FileHandle, content: Content): Promise<void> {
  const pieces = content instanceof Uint8Array ? [content] : content;
  let position = 0;
  for (const piece of pieces) {
    const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    let offset = 0;
    while (offset < bytes.length) {
      const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset, position);
      offset += bytesWritten;
      position += bytesWritten;
    }
  }
}

export interface FileMode {
  /** The new file's permissions (less the process's umask). Default 0o644. */
  mode?: number;
}

/** Owner-only: history, credentials, exports, the window's state. */
export const PRIVATE_FILE: FileMode = { mode: 0o600 };
/** Owner-only folders: the app's data folder, its exports folder, Electron's user data. */
export const PRIVATE_DIR_MODE = 0o700;

/**
 * Makes `dir` (and any parent it needs) readable by its owner only, and makes it so if it was
 * there already: a data folder made by an older version may be open to every user.
 */
export async function privateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (process.platform !== 'win32') await chmod(dir, PRIVATE_DIR_MODE);
}

/** Writes `content` to a new file in `tmpDir` and flushes it to disk; gives its path. */
export async function writeDurable(
  tmpDir: string,
  content: Content,
  { mode = 0o644 }: FileMode = {},
): Promise<string> {
  const tmp = join(tmpDir, `${randomUUID()}.tmp`);
  // Created with its final mode: a private file is never readable by others, even for a moment.
  const handle = await open(tmp, 'wx', mode);
  try {
    await writeAll(handle, content);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(tmp).catch(() => {});
    throw error;
  } finally {
    await handle.close().catch(() => {});
  }
  return tmp;
}

/** Flushes a folder's entries, so a rename into it survives a crash. */
export async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Puts `bytes` at `path` whole or not at all, replacing what is there (with the new file's mode:
 * a file that was readable by others before is not after).
 */
export async function replaceFile(
  path: string,
  bytes: Content,
  tmpDir: string,
  mode: FileMode = {},
): Promise<void> {
  const tmp = await writeDurable(tmpDir, bytes, mode);
  try {
    await rename(tmp, path);
  } catch (error) {
    await unlink(tmp).catch(() => {});
    throw error;
  }
  await syncDir(dirname(path));
}

/**
 * Puts `bytes` at `path` whole, unless a file is there already: false then, and nothing written.
 * A hard link never replaces, so of two writers exactly one creates the file.
 */
export async function createFileOnce(
  path: string,
  bytes: Content,
  tmpDir: string,
): Promise<boolean> {
  const tmp = await writeDurable(tmpDir, bytes);
  try {
    await link(tmp, path);
  } catch (error) {
    if (isErrno(error, 'EEXIST')) return false;
    throw error;
  } finally {
    await unlink(tmp).catch(() => {});
  }
  await syncDir(dirname(path));
  return true;
}

/**
 * Writes a small state file of the app (credentials, the window's place) whole or not at all,
 * readable by its owner only, in a folder that is owner-only too.
 */
export async function writePrivateFile(path: string, text: string): Promise<void> {
  const dir = dirname(path);
  await privateDir(dir);
  await replaceFile(path, [text], dir, PRIVATE_FILE);
}

/** The file's text, or null when there is none yet. */
export async function readTextIfAny(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return null;
    throw error;
  }
}

/** Reads a regular file, refusing to follow a symbolic link to it. */
export async function readRegularFile(path: string): Promise<Uint8Array> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw Object.assign(new Error(`Not a file: ${path}`), { code: 'EISDIR' });
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
