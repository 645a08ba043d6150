/**
 * One emulated provider per data folder. A second one would clear the first one's uploads in
 * progress as the leftovers of a stopped run, and claim files beside it. The lock is a file that
 * names the process holding it; one left by a process that is gone (killed, crashed) is taken
 * over at once, so a restart never waits for it to go stale.
 */
import { randomUUID } from 'node:crypto';
import { link, mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isErrno } from '../base/files';

/** Another provider holds the folder: `serve` and `app` say this as it is. */
export class FolderInUseError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `Another emulated provider (process ${pid}, a sendsheet serve or app) uses the folder ${dir}: stop it, or choose another folder with --dir.`,
    );
  }
}

export interface FolderLock {
  /** Gives the folder up, unless another process took the lock over meanwhile. */
  release(): Promise<void>;
}

const LOCK_NAME = 'provider.lock';
/** A lock file is written right after it is made: this long empty, its maker died at once. */
const TORN_WAITS = 20;
const TORN_WAIT_MS = 25;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: a process of another user has that pid, and it is alive.
    return isErrno(error, 'EPERM');
  }
}

/** The holder's pid; null if the file is gone; 'torn' if it holds no pid (yet). */
async function holderOf(path: string): Promise<number | 'torn' | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return null;
    throw error;
  }
  try {
    const pid = (JSON.parse(text) as { pid?: unknown }).pid;
    return Number.isSafeInteger(pid) && (pid as number) > 0 ? (pid as number) : 'torn';
  } catch {
    return 'torn';
  }
}

/**
 * Takes the folder's lock, kept in `stateDir`. Throws FolderInUseError while a live process
 * holds it.
 */
export async function lockFolder(dir: string, stateDir: string): Promise<FolderLock> {
  await mkdir(stateDir, { recursive: true });
  const path = join(stateDir, LOCK_NAME);
  const mine = JSON.stringify({ pid: process.pid, since: new Date().toISOString() });
  let torn = 0;
  for (let round = 0; round < 100; round++) {
    try {
      const handle = await open(path, 'wx', 0o644);
      try {
        await handle.writeFile(mine);
        await handle.sync();
      } finally {
        await handle.close();
      }
      return {
        release: async () => {
          const now = await readFile(path, 'utf8').catch(() => null);
          if (now === mine) await unlink(path).catch(() => {});
        },
      };
    } catch (error) {
      if (!isErrno(error, 'EEXIST')) throw error;
    }
    const holder = await holderOf(path);
    if (holder === null) continue;
    if (holder === 'torn' && ++torn < TORN_WAITS) {
      await sleep(TORN_WAIT_MS);
      continue;
    }
    if (holder !== 'torn' && alive(holder)) throw new FolderInUseError(dir, holder);
    // Left by a process that is gone. Moved aside first: of two processes taking it over at
    // once, only one moves the stale lock; the other moves nothing, or a live lock it puts back.
    const aside = `${path}.${randomUUID()}.stale`;
    try {
      await rename(path, aside);
    } catch (error) {
      if (isErrno(error, 'ENOENT')) continue;
      throw error;
    }
    if ((await holderOf(aside)) !== holder) await link(aside, path).catch(() => {});
    await unlink(aside).catch(() => {});
  }
  throw new Error(`Cannot take the lock of the folder ${dir}: it keeps changing.`);
}
