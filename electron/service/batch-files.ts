/**
 * What the app keeps of each batch beside the history, in the data folder's `batches/`:
 *
 * - `<id>.messages`: its messages' hashes, sorted (fingerprint.ts), kept as long as the batch is
 *   in the history, so that a later send of some of the same messages is found and counted;
 * - `<id>.csv`: the file's exact bytes, written before the upload starts, so that a run that
 *   was interrupted (killed, power lost) can be finished by the next one, or a batch that could
 *   not be sent tried again; removed once the file is on the provider's server, or given up.
 *
 * Both hold the customers' numbers and messages (or their hashes), so only the person's own
 * account may read them (0600). Each is written whole or not at all.
 */
import { readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { isErrno, PRIVATE_FILE, privateDir, replaceFile } from '../base/files';
import { MessageHashes } from './fingerprint';

const MESSAGES = '.messages';
const BYTES = '.csv';

async function readIfAny(path: string): Promise<Uint8Array | null> {
  try {
    return await readFile(path);
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return null;
    throw error;
  }
}

async function removeIfAny(path: string): Promise<void> {
  await unlink(path).catch((error: unknown) => {
    if (!isErrno(error, 'ENOENT')) throw error;
  });
}

export class BatchFiles {
  private ready: Promise<unknown> | null = null;

  constructor(readonly dir: string) {}

  private async folder(): Promise<string> {
    this.ready ??= privateDir(this.dir);
    await this.ready;
    return this.dir;
  }

  /** Keeps the batch's hashes, then its bytes: before it is in the history, before any upload. */
  async save(id: string, hashes: MessageHashes, bytes: Uint8Array): Promise<void> {
    const dir = await this.folder();
    await replaceFile(join(dir, `${id}${MESSAGES}`), hashes.bytes, dir, PRIVATE_FILE);
    await replaceFile(join(dir, `${id}${BYTES}`), bytes, dir, PRIVATE_FILE);
  }

  async hashes(id: string): Promise<MessageHashes | null> {
    const bytes = await readIfAny(join(this.dir, `${id}${MESSAGES}`));
    return bytes === null ? null : MessageHashes.read(bytes);
  }

  async bytes(id: string): Promise<Uint8Array | null> {
    return readIfAny(join(this.dir, `${id}${BYTES}`));
  }

  async hasBytes(id: string): Promise<boolean> {
    return stat(join(this.dir, `${id}${BYTES}`)).then(
      () => true,
      () => false,
    );
  }

  /** The file is on the server, or will never be sent: its bytes are not needed any more. */
  async dropBytes(id: string): Promise<void> {
    await removeIfAny(join(this.dir, `${id}${BYTES}`));
  }

  /** The batch left the history. */
  async drop(id: string): Promise<void> {
    await removeIfAny(join(this.dir, `${id}${BYTES}`));
    await removeIfAny(join(this.dir, `${id}${MESSAGES}`));
  }

  /**
   * Removes the files of batches the history no longer holds (cleared by another process),
   * leaving alone those younger than `graceMs`: a send in another process writes its files
   * just before it records its batches.
   */
  async sweep(kept: (id: string) => boolean, graceMs = 60 * 60_000): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if (isErrno(error, 'ENOENT')) return 0;
      throw error;
    }
    let removed = 0;
    for (const name of names) {
      // A file half written by a process that died is no batch's (null): removed in time too.
      const id = name.endsWith(MESSAGES)
        ? name.slice(0, -MESSAGES.length)
        : name.endsWith(BYTES)
          ? name.slice(0, -BYTES.length)
          : name.endsWith('.tmp') // base/files.ts writes beside the file, then renames
            ? null
            : undefined;
      if (id === undefined || (id !== null && kept(id))) continue;
      const path = join(this.dir, name);
      try {
        if (Date.now() - (await stat(path)).mtimeMs < graceMs) continue;
        await removeIfAny(path);
        removed++;
      } catch {
        // Another process removed it first, or it cannot be: left for the next sweep.
      }
    }
    return removed;
  }
}

export function batchFilesOf(dataDir: string): BatchFiles {
  return new BatchFiles(join(dataDir, 'batches'));
}
