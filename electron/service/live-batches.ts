/**
 * The batches of this run as they change: each change goes to the listeners at once and, when
 * the state, the server or its note changes, to the history on disk. A history that cannot be
 * saved never stops a send: the batch says so instead.
 */
import type { Batch, BatchListener } from '../../core/contract/api';
import { errorText } from '../../core/contract/errors';
import { said } from '../../core/contract/said';
import type { Said } from '../../core/contract/said';
import type { History } from './history';

/** The batch's note, in English and as data, followed by a warning. */
function withWarning(batch: Batch, [words, sentence]: [string, Said]): Partial<Batch> {
  if (!batch.note) return { note: words, noteSaid: sentence };
  const before = batch.noteSaid;
  return {
    note: `${batch.note} ${words}`,
    // A note without its data (an older batch's) is shown in its English words, warning and all.
    noteSaid: before ? said('note.sentences', { sentences: [before, sentence] }) : null,
  };
}

export class LiveBatches {
  private readonly listeners = new Set<BatchListener>();
  private readonly current = new Map<string, Batch>();
  /** The batches whose history could not be saved, and the words that say so. */
  private readonly unsaved = new Map<string, [string, Said]>();

  constructor(private readonly history: History) {}

  subscribe(listener: BatchListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The batches of this run, as they are now. */
  list(): Batch[] {
    return [...this.current.values()].map((batch) => ({ ...batch }));
  }

  /** A batch of this run, or of the history. */
  get(id: string): Batch | undefined {
    return this.current.get(id) ?? this.history.get(id);
  }

  isLive(id: string): boolean {
    return this.current.has(id);
  }

  /** A new batch: kept, recorded and told; answers it as recorded. */
  async begin(batch: Batch): Promise<Batch> {
    this.current.set(batch.id, batch);
    const recorded = await this.record(batch);
    this.emit(recorded);
    return { ...recorded };
  }

  /** New batches the history holds already (recorded in a transaction): kept and told. */
  started(batch: Batch): void {
    this.current.set(batch.id, batch);
    this.emit(batch);
  }

  /** A batch of the history followed again in this run. */
  adopt(batch: Batch): void {
    this.current.set(batch.id, batch);
  }

  /** Applies a change, tells the listeners, and records a new state in the history. */
  async change(id: string, patch: Partial<Batch>): Promise<void> {
    const before = this.get(id);
    if (!before) return;
    const batch: Batch = { ...before, ...patch };
    // A new note (each state brings its server's) keeps saying that History may miss the batch.
    const warning = this.unsaved.get(id);
    if (warning !== undefined && patch.note !== undefined && !batch.note?.includes(warning[0])) {
      Object.assign(batch, withWarning(batch, warning));
    }
    const stateChanged = patch.state !== undefined && patch.state !== before.state;
    if (stateChanged) batch.times = { ...before.times, [patch.state!]: new Date().toISOString() };
    this.current.set(id, batch);
    this.emit(batch);
    if (stateChanged || patch.server !== undefined || patch.note !== undefined) {
      const recorded = await this.record(batch);
      if (recorded !== batch) this.emit(recorded);
    }
  }

  close(): void {
    this.listeners.clear();
  }

  private async record(batch: Batch): Promise<Batch> {
    try {
      await this.history.put(batch);
      return batch;
    } catch (error) {
      const why = `The history could not be saved (${errorText(error)}): this batch may be missing from History.`;
      const warning: [string, Said] = [
        why,
        said('note.history-unsaved', { detail: errorText(error) }),
      ];
      this.unsaved.set(batch.id, warning);
      if (batch.note?.includes(why)) return batch;
      const noted = { ...batch, ...withWarning(batch, warning) };
      this.current.set(batch.id, noted);
      return noted;
    }
  }

  private emit(batch: Batch): void {
    for (const listener of this.listeners) {
      try {
        listener({ ...batch });
      } catch {
        // A listener's failure is its own; the others still hear of the change.
      }
    }
  }
}
