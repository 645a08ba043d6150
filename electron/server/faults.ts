/**
 * Failures of the server's own, injected by tests (SPEC 9): a failing queue, or a process that
 * stops at a given step so a test can kill it there; for the test controls, every file held,
 * or slowed; a listing that comes back empty, or fails, as a real server's can (a server just
 * restarted, a folder it cannot read). Given to one provider, never global.
 */
import { setTimeout as sleep } from 'node:timers/promises';

/** `queue`: before the batch is queued or the file finished; `committed`: right after queuing. */
export type FaultStep = 'queue' | 'committed';

/** What a LIST of the folder does instead of listing it: shows no file, or fails. */
export type ListingFault = 'empty' | 'fail';

export interface FaultContext {
  account: string;
  /** The `.processing` file. */
  file: string;
}

interface Hold {
  reached: (context: FaultContext) => void;
  released: Promise<void>;
}

export class Faults {
  private failures: string[] = [];
  private readonly holds = new Map<FaultStep, Hold>();
  /** While set, every file waits at the `queue` step (`holdAll`) until it resolves. */
  private gate: { opened: Promise<void>; open: () => void } | null = null;
  /** Files waiting at the gate, by account/file. */
  private readonly waiting = new Set<string>();
  /** How long each file takes at the `queue` step, on top of the real work. */
  delayMs = 0;
  private readonly stopping = new AbortController();
  private emptyListings = 0;
  private readonly failingListings = new Set<string>();

  /** The next `count` attempts fail at the `queue` step, as if the queue could not be written. */
  failNext(count = 1, reason = 'the message queue could not be written (injected failure)'): void {
    for (let i = 0; i < count; i++) this.failures.push(reason);
  }

  /** Attempts that will still fail. */
  get pendingFailures(): number {
    return this.failures.length;
  }

  /** No more injected failures. */
  clearFailures(): void {
    this.failures = [];
    this.emptyListings = 0;
    this.failingListings.clear();
  }

  /** The next `count` listings of a folder, on either server, show no file at all. */
  emptyNextListings(count = 1): void {
    this.emptyListings += count;
  }

  /** Every listing of a folder on server `server` (`A`, `B`) fails, until clearFailures. */
  failListingsOf(server: string): void {
    this.failingListings.add(server);
  }

  /** Listings still to show no file. */
  get pendingEmptyListings(): number {
    return this.emptyListings;
  }

  /** Asked by server `server` before it lists a folder: what it does instead, if anything. */
  listing(server: string): ListingFault | null {
    if (this.failingListings.has(server)) return 'fail';
    if (this.emptyListings === 0) return null;
    this.emptyListings--;
    return 'empty';
  }

  /** From now on every file stays `.processing` until `releaseAll`. */
  holdAll(): void {
    if (this.gate) return;
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    this.gate = { opened, open };
  }

  releaseAll(): void {
    this.gate?.open();
    this.gate = null;
  }

  get holding(): boolean {
    return this.gate !== null;
  }

  /** The files held now, as `account/file`. */
  get held(): string[] {
    return [...this.waiting].sort();
  }

  /** The provider stops: nothing waits any more, so the file in hand can finish. */
  stop(): void {
    this.stopping.abort();
    this.releaseAll();
  }

  /**
   * The next attempt to reach `step` waits there until `release` is called; `reached` tells
   * which file got there.
   */
  hold(step: FaultStep): { reached: Promise<FaultContext>; release: () => void } {
    let reached!: (context: FaultContext) => void;
    let release!: () => void;
    const reachedPromise = new Promise<FaultContext>((resolve) => (reached = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    this.holds.set(step, { reached, released });
    return { reached: reachedPromise, release };
  }

  /** Called by the processor at each step: waits where held, throws where a failure is due. */
  async at(step: FaultStep, context: FaultContext): Promise<void> {
    if (step === 'queue') await this.gated(context);
    const hold = this.holds.get(step);
    if (hold) {
      this.holds.delete(step);
      hold.reached(context);
      await hold.released;
    }
    if (step === 'queue') {
      const reason = this.failures.shift();
      if (reason !== undefined) throw new Error(reason);
    }
  }

  private async gated(context: FaultContext): Promise<void> {
    const id = `${context.account}/${context.file}`;
    this.waiting.add(id);
    try {
      while (this.gate && !this.stopping.signal.aborted) await this.gate.opened;
      if (this.delayMs > 0 && !this.stopping.signal.aborted)
        await sleep(this.delayMs, undefined, { signal: this.stopping.signal }).catch(() => {});
    } finally {
      this.waiting.delete(id);
    }
  }
}
