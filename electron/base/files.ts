/** File operations whose result is all or nothing, for a server that can be killed at any point. */
import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { link, open, rename, unlink } from 'node:fs/promises';
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

/** Writes `content` to a new file in `tmpDir` and flushes it to disk; gives its path. */
export async function writeDurable(
  tmpDir: string,
  content: Content,
  mode = 0o644,
): Promise<string> {
  const tmp = join(tmpDir, `${randomUUID()}.tmp`);
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

/** Puts `bytes` at `path` whole or not at all, replacing what is there; `mode` for a new one. */
export async function replaceFile(
  path: string,
  bytes: Content,
  tmpDir: string,
  mode = 0o644,
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
