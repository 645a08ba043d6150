/**
 * Every batch sent, remembered across restarts: one JSON file in the app's data folder, replaced
 * whole on each change (written beside it, flushed, renamed over it), so a crash leaves the old
 * history or the new one, never half of either. Passwords are never part of a batch.
 *
 * The app and `sendsheet send` may share the file at once. Each write takes a lock and first
 * takes in what the others wrote, so no process's batches are lost to another's write. What must
 * be decided by one process at a time (whether messages were sent before; who carries a batch,
 * carriers.ts) is decided in a transaction: under the lock, on what the file holds then.
 */
import { readFile, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { lock } from 'proper-lockfile';
import type { LockOptions } from 'proper-lockfile';
import { isErrno, PRIVATE_FILE, privateDir, replaceFile } from '../base/files';
import type { Batch, BatchState } from '../../core/contract/api';
import { isCarrier, sameCarrier } from './carriers';
import type { Carrier } from './carriers';

const VERSION = 1;

interface Stored {
  version: number;
  /** When the history was last cleared, ISO 8601: batches not changed since are gone... */
  clearedAt?: string;
  /** ...but for these, on their way when it was cleared. */
  keptAtClear?: string[];
  batches: Batch[];
  /** Which process carries each unfinished batch (carriers.ts). */
  carriers?: Record<string, Carrier>;
}

/** A batch on its way: kept by a clear, which is of finished batches. */
export const UNFINISHED: readonly BatchState[] = ['uploading', 'ready', 'processing'];

/** A batch as an older version of the app wrote it, with what it did not know yet. */
function upgraded(batch: Batch): Batch {
  return {
    ...batch,
    campaign: batch.campaign ?? batch.id,
    practice: batch.practice ?? batch.profile === 'emulated',
    test: batch.test ?? false,
    cost: batch.cost ?? null,
  };
}

/** What a transaction may read and change, all under the history's lock. */
export interface HistoryTransaction {
  /** Newest first, as the file holds them now. */
  list(): Batch[];
  get(id: string): Batch | undefined;
  put(batch: Batch): void;
  carrier(id: string): Carrier | null;
  setCarrier(id: string, carrier: Carrier | null): void;
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
    (stored.keptAtClear === undefined ||
      (Array.isArray(stored.keptAtClear) &&
        stored.keptAtClear.every((id) => typeof id === 'string'))) &&
    Array.isArray(stored.batches) &&
    stored.batches.every(
      (batch) => typeof batch?.id === 'string' && typeof batch.state === 'string',
    ) &&
    (stored.carriers === undefined ||
      (typeof stored.carriers === 'object' &&
        stored.carriers !== null &&
        Object.values(stored.carriers).every(isCarrier)))
  );
}

export class History {
  private readonly batches = new Map<string, Batch>();
  private carriers = new Map<string, Carrier>();
  private clearedAt: string | null = null;
  private keptAtClear = new Set<string>();
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
    this.keep(batch);
    return this.save();
  }

  private keep(batch: Batch): void {
    // Progress is of the moment: a restarted app has no upload under way.
    this.batches.delete(batch.id);
    this.batches.set(batch.id, { ...batch, progress: null });
  }

  /** Who carries the batch, as the file said when last read. */
  carrier(id: string): Carrier | null {
    return this.carriers.get(id) ?? null;
  }

  /** Forgets the finished batches; answers their ids. Batches on their way are kept. */
  async clear(): Promise<string[]> {
    const cleared: string[] = [];
    const kept = new Set<string>();
    for (const [id, batch] of this.batches) {
      if (UNFINISHED.includes(batch.state)) {
        kept.add(id);
        continue;
      }
      cleared.push(id);
      this.batches.delete(id);
    }
    this.clearedAt = new Date().toISOString();
    this.keptAtClear = kept;
    await this.save();
    return cleared;
  }

  /**
   * Runs `work` under the lock, on the history as the file holds it then, and writes what it
   * changed before the lock is let go: one process at a time decides.
   */
  transaction<T>(work: (tx: HistoryTransaction) => Promise<T> | T): Promise<T> {
    const done = this.writing
      .catch(() => {})
      .then(async () => {
        const release = await lock(this.file, LOCKING);
        try {
          await this.refresh();
          const tx: HistoryTransaction = {
            list: () => this.list(),
            get: (id) => this.get(id),
            put: (batch) => this.keep(batch),
            carrier: (id) => this.carrier(id),
            setCarrier: (id, carrier) => {
              if (carrier === null) this.carriers.delete(id);
              else this.carriers.set(id, carrier);
            },
          };
          const result = await work(tx);
          await this.write();
          return result;
        } finally {
          await release();
        }
      });
    this.writing = done.then(
      () => {},
      () => {},
    );
    return done;
  }

  /** Lets go of the batches `carrier` carries that are finished, or all of them. */
  async releaseCarrier(carrier: Carrier, ids?: readonly string[]): Promise<void> {
    await this.transaction((tx) => {
      for (const id of ids ?? [...this.carriers.keys()]) {
        const current = tx.carrier(id);
        if (current !== null && sameCarrier(current, carrier)) tx.setCarrier(id, null);
      }
    });
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
      this.keptAtClear = new Set(stored.keptAtClear);
    }
    // Carriers change only in transactions, each on a fresh read: the file is right.
    this.carriers = new Map(Object.entries(stored.carriers ?? {}));
    const clearedAt = this.clearedAt ?? '';
    for (const each of stored.batches) {
      const batch = upgraded(each);
      const mine = this.batches.get(batch.id);
      if (mine === undefined || changedAt(batch) > changedAt(mine))
        this.batches.set(batch.id, batch);
    }
    // Each batch's time once: this runs on every write, and a history can hold thousands.
    const kept = [...this.batches.values()]
      .map((batch) => ({ batch, at: changedAt(batch) }))
      .filter(({ at, batch }) => at > clearedAt || this.keptAtClear.has(batch.id))
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
          await this.write();
        } finally {
          await release();
        }
      });
    return this.writing;
  }

  /** Writes the history as this process has it; only under the lock. */
  private async write(): Promise<void> {
    for (const id of [...this.carriers.keys()]) {
      const batch = this.batches.get(id);
      // A finished batch is nobody's to carry any more.
      if (batch === undefined || !UNFINISHED.includes(batch.state)) this.carriers.delete(id);
    }
    const stored: Stored = {
      version: VERSION,
      ...(this.clearedAt === null ? {} : { clearedAt: this.clearedAt }),
      ...(this.keptAtClear.size === 0 ? {} : { keptAtClear: [...this.keptAtClear] }),
      batches: [...this.batches.values()],
      ...(this.carriers.size === 0 ? {} : { carriers: Object.fromEntries(this.carriers) }),
    };
    await replaceFile(
      this.file,
      Buffer.from(JSON.stringify(stored, null, 1)),
      dirname(this.file),
      PRIVATE_FILE,
    );
  }
}

export function historyFile(dataDir: string): string {
  return join(dataDir, 'history.json');
}
