/**
 * Every batch sent, remembered across restarts: one JSON file in the app's data folder, replaced
 * whole on each change (written beside it, flushed, renamed over it), so a crash leaves the old
 * history or the new one, never half of either. Passwords are never part of a batch.
 */
import { mkdir, readFile, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isErrno, replaceFile } from '../server/files';
import type { Batch } from './api';

const VERSION = 1;

interface Stored {
  version: number;
  batches: Batch[];
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
    Array.isArray(stored.batches) &&
    stored.batches.every(
      (batch) => typeof batch?.id === 'string' && typeof batch.state === 'string',
    )
  );
}

export class History {
  private readonly batches = new Map<string, Batch>();
  private writing: Promise<void> = Promise.resolve();
  private pending = false;

  private constructor(readonly file: string) {}

  /** Reads the history; a file that is not one is kept aside under another name, not lost. */
  static async load(file: string): Promise<Loaded> {
    const history = new History(file);
    await mkdir(dirname(file), { recursive: true });
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
    for (const batch of parsed.batches) history.batches.set(batch.id, batch);
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
    await this.save();
    return count;
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
        const stored: Stored = { version: VERSION, batches: [...this.batches.values()] };
        await replaceFile(
          this.file,
          Buffer.from(JSON.stringify(stored, null, 1)),
          dirname(this.file),
        );
      });
    return this.writing;
  }
}

export function historyFile(dataDir: string): string {
  return join(dataDir, 'history.json');
}
