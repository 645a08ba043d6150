/**
 * Failures of the server's own, injected by tests (SPEC 9): a failing queue, or a process that
 * stops at a given step so a test can kill it there. Given to one provider, never global.
 */

/** `queue`: before the batch is queued or the file finished; `committed`: right after queuing. */
export type FaultStep = 'queue' | 'committed';

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
  private readonly failures: string[] = [];
  private readonly holds = new Map<FaultStep, Hold>();

  /** The next `count` attempts fail at the `queue` step, as if the queue could not be written. */
  failNext(count = 1, reason = 'the message queue could not be written (injected failure)'): void {
    for (let i = 0; i < count; i++) this.failures.push(reason);
  }

  /** Attempts that will still fail. */
  get pendingFailures(): number {
    return this.failures.length;
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
}
