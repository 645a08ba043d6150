/**
 * Every batch sent, remembered across restarts: one JSON file in the app's data folder, replaced
 * whole on each change (written beside it, flushed, renamed over it), so a crash leaves the old
 * history or the new one, never half of either. Passwords are never part of a batch.
 *
 * The app and `sendsheet send` may share the file at once. Each write takes a lock and first
 * takes in what the others wrote, so no process's batches are lost to another's write.
 */
import { readFile, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { lock } from 'proper-lockfile';
import type { LockOptions } from 'proper-lockfile';
import { isErrno, PRIVATE_FILE, privateDir, replaceFile } from '../base/files';
import type { Batch } from '../../core/contract/api';

const VERSION = 1;

interface Stored {
  version: number;
  /** When the history was last cleared, ISO 8601: batches not changed since are gone. */
  clearedAt?: string;
  batches: Batch[];
}

const LOCKING: LockOptions = {
  // The history file need not exist yet.
  realpath: false,
  // A writer holds it for milliseconds; one that died holding it leaves it stale after 5 s,
  // and the retries wait longer than that, so a write never fails for a lock left behind.
  stale: 5_000,
  retries: { retries: 300, factor: 1.2, minTimeout: 5, maxTimeout: 50 },
  // The lock is held for one read and one write. Should another process take it over as stale,
  // the next write of either takes in what the other wrote; failing the app would help no one.
  onCompromised: () => {},
};

/** When a batch last changed: the latest of the times it reached each state. */
function changedAt(batch: Batch): string {
  let latest = '';
  for (const time of Object.values(batch.times))
    if (time !== undefined && time > latest) latest = time;
  return latest;
}

export interface Loaded {
  history: History;
  /** Set when the file could not be read and was put aside: what happened, in words. */
  warning: string | null;
}

function isStored(value: unknown): value is Stored {
  const stored = value as Stored | null;
  return (
    typeof stored === 'object' &&
    stored !== null &&
    stored.version === VERSION &&
    (stored.clearedAt === undefined || typeof stored.clearedAt === 'string') &&
    Array.isArray(stored.batches) &&
    stored.batches.every(
      (batch) => typeof batch?.id === 'string' && typeof batch.state === 'string',
    )
  );
}

export class History {
  private readonly batches = new Map<string, Batch>();
  private clearedAt: string | null = null;
  private writing: Promise<void> = Promise.resolve();
  private pending = false;

  private constructor(readonly file: string) {}

  /** Reads the history; a file that is not one is kept aside under another name, not lost. */
  static async load(file: string): Promise<Loaded> {
    const history = new History(file);
    // The history names every file sent and who it went to: the owner's alone.
    await privateDir(dirname(file));
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if (isErrno(error, 'ENOENT')) return { history, warning: null };
      throw error;
    }
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Handled below, as any file that is not a history.
    }
    if (!isStored(parsed)) {
      const aside = `${file}.unreadable-${Date.now()}`;
      await rename(file, aside);
      return {
        history,
        warning: `The history file could not be read; it was kept as ${aside} and a new one started.`,
      };
    }
    history.takeIn(parsed);
    return { history, warning: null };
  }

  /** Newest first. */
  list(): Batch[] {
    return [...this.batches.values()].reverse();
  }

  get(id: string): Batch | undefined {
    return this.batches.get(id);
  }

  /** Records the batch as it is now; resolves once it is on disk. */
  put(batch: Batch): Promise<void> {
    // Progress is of the moment: a restarted app has no upload under way.
    this.batches.delete(batch.id);
    this.batches.set(batch.id, { ...batch, progress: null });
    return this.save();
  }

  async clear(): Promise<number> {
    const count = this.batches.size;
    this.batches.clear();
    this.clearedAt = new Date().toISOString();
    await this.save();
    return count;
  }

  /** Takes in what other processes wrote since this one last read or wrote the file. */
  async refresh(): Promise<void> {
    const stored = await this.read();
    if (stored) this.takeIn(stored);
  }

  private async read(): Promise<Stored | null> {
    try {
      const parsed: unknown = JSON.parse(await readFile(this.file, 'utf8'));
      return isStored(parsed) ? parsed : null;
    } catch (error) {
      // Missing, or caught half-written by a process without the lock: this one's is kept.
      if (isErrno(error, 'ENOENT') || error instanceof SyntaxError) return null;
      throw error;
    }
  }

  /**
   * Merges a stored history into this one: of a batch both know, the one changed last wins; a
   * clear made elsewhere removes what had not changed since. Kept in order of change.
   */
  private takeIn(stored: Stored): void {
    if (stored.clearedAt !== undefined && stored.clearedAt > (this.clearedAt ?? '')) {
      this.clearedAt = stored.clearedAt;
    }
    const clearedAt = this.clearedAt ?? '';
    for (const batch of stored.batches) {
      const mine = this.batches.get(batch.id);
      if (mine === undefined || changedAt(batch) > changedAt(mine))
        this.batches.set(batch.id, batch);
    }
    // Each batch's time once: this runs on every write, and a history can hold thousands.
    const kept = [...this.batches.values()]
      .map((batch) => ({ batch, at: changedAt(batch) }))
      .filter(({ at }) => at > clearedAt)
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    this.batches.clear();
    for (const { batch } of kept) this.batches.set(batch.id, batch);
  }

  /** Resolves once every change so far is on disk. */
  async flush(): Promise<void> {
    await this.writing.catch(() => {});
  }

  /** Writes one at a time; changes made while a write is under way go out together after it. */
  private save(): Promise<void> {
    if (this.pending) return this.writing;
    this.pending = true;
    this.writing = this.writing
      .catch(() => {})
      .then(async () => {
        this.pending = false;
        const release = await lock(this.file, LOCKING);
        try {
          await this.refresh();
          const stored: Stored = {
            version: VERSION,
            ...(this.clearedAt === null ? {} : { clearedAt: this.clearedAt }),
            batches: [...this.batches.values()],
          };
          await replaceFile(
            this.file,
            Buffer.from(JSON.stringify(stored, null, 1)),
            dirname(this.file),
            PRIVATE_FILE,
          );
        } finally {
          await release();
        }
      });
    return this.writing;
  }
}

export function historyFile(dataDir: string): string {
  return join(dataDir, 'history.json');
}
