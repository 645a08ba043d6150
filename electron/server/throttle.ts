/**
 * Password guessing, slowed per address (issue 15), on both servers together:
 *
 * - the logins of one address are checked one at a time, and a refused one holds the next for
 *   its delay, so more connections buy a guesser nothing;
 * - the delay grows after a few refusals in a row, doubling up to a cap, and the count is
 *   forgotten only after a quiet while (a success does not clear it: the demo account's
 *   password is no secret, and a guesser could use it to start over);
 * - the first refusals are logged one by one, then one line says the address is slowed down,
 *   and one more when it has been quiet again: a burst is a few lines, not thousands;
 * - an address may hold only so many connections at once.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from './log';

export interface ThrottleOptions {
  /** The delay of a refused login; it grows past `freeRefusals`. */
  delayMs: number;
  /** The most a refused login waits. */
  maxDelayMs: number;
  /** Refusals in a row before the delay grows, each logged. */
  freeRefusals: number;
  /** Quiet time after which an address's refusals are forgotten. */
  forgetAfterMs: number;
  /** Control connections one address may hold at once, on both servers together. */
  connectionsPerAddress: number;
  log: Logger;
  /** The wait, for tests of the schedule. */
  wait?: (ms: number) => Promise<unknown>;
}

export const DEFAULT_THROTTLE = {
  delayMs: 1000,
  maxDelayMs: 30_000,
  freeRefusals: 5,
  forgetAfterMs: 15 * 60_000,
  connectionsPerAddress: 50,
};

interface AddressState {
  refusals: number;
  lastRefusal: number;
  /** The end of the last login checked or waiting: the next one waits for it. */
  turn: Promise<void>;
  waiting: number;
  slowedDown: boolean;
}

/** `::ffff:127.0.0.1` and `127.0.0.1` are one address. */
export function addressOf(remote: string | undefined): string {
  return (remote ?? 'unknown').replace(/^::ffff:/, '');
}

export class LoginThrottle {
  private readonly addresses = new Map<string, AddressState>();
  private readonly connections = new Map<string, number>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly options: ThrottleOptions) {
    this.sweeper = setInterval(() => this.sweep(), Math.max(1000, options.forgetAfterMs / 4));
    this.sweeper.unref();
  }

  /** How long the n-th refusal in a row waits. */
  delayFor(refusals: number): number {
    const { delayMs, maxDelayMs, freeRefusals } = this.options;
    if (refusals <= freeRefusals) return delayMs;
    return Math.min(maxDelayMs, delayMs * 2 ** Math.min(30, refusals - freeRefusals));
  }

  /**
   * A control connection from `address` opens: false when the address holds its share
   * already (the connection is then to be refused); `closed` is to be called when it closes.
   */
  admit(address: string): boolean {
    const held = this.connections.get(address) ?? 0;
    if (held >= this.options.connectionsPerAddress) return false;
    this.connections.set(address, held + 1);
    return true;
  }

  closed(address: string): void {
    const held = (this.connections.get(address) ?? 1) - 1;
    if (held > 0) this.connections.set(address, held);
    else this.connections.delete(address);
  }

  /**
   * Checks a login from `address` in its turn: `check` gives the account or null. A refusal
   * is answered after its delay, and holds the address's next login until then.
   */
  async login<T>(
    address: string,
    check: () => T | null,
    refused: { server: string; user: string },
  ): Promise<T | null> {
    const state = this.stateOf(address);
    state.waiting++;
    const previous = state.turn;
    let done!: () => void;
    state.turn = new Promise((resolve) => (done = resolve));
    try {
      await previous;
      const found = check();
      if (found !== null) return found;
      state.refusals++;
      state.lastRefusal = Date.now();
      this.tell(address, state, refused);
      await (this.options.wait ?? sleep)(this.delayFor(state.refusals));
      return null;
    } finally {
      state.waiting--;
      done();
    }
  }

  close(): void {
    clearInterval(this.sweeper);
  }

  private stateOf(address: string): AddressState {
    let state = this.addresses.get(address);
    if (state !== undefined && state.waiting === 0 && this.forgotten(state)) {
      this.ended(address, state);
      state = undefined;
    }
    if (state === undefined) {
      state = {
        refusals: 0,
        lastRefusal: 0,
        turn: Promise.resolve(),
        waiting: 0,
        slowedDown: false,
      };
      this.addresses.set(address, state);
    }
    return state;
  }

  private forgotten(state: AddressState): boolean {
    return Date.now() - state.lastRefusal >= this.options.forgetAfterMs;
  }

  private tell(
    address: string,
    state: AddressState,
    { server, user }: { server: string; user: string },
  ) {
    const { log, freeRefusals, maxDelayMs } = this.options;
    if (state.refusals <= freeRefusals) {
      log.warn(
        null,
        null,
        `login refused on server ${server} for user ${JSON.stringify(user)} from ${address}`,
      );
    } else if (!state.slowedDown) {
      state.slowedDown = true;
      log.warn(
        null,
        null,
        `${state.refusals} logins refused in a row from ${address} (the last for user ${JSON.stringify(user)} on server ${server}): its logins are slowed down, each refusal waiting up to ${maxDelayMs / 1000} s, and no longer logged one by one`,
      );
    }
  }

  private ended(address: string, state: AddressState): void {
    this.addresses.delete(address);
    if (state.slowedDown) {
      this.options.log.warn(
        null,
        null,
        `logins from ${address} are no longer slowed down: ${state.refusals} were refused in the burst`,
      );
    }
  }

  /** Forgets the addresses that have been quiet long enough. */
  private sweep(): void {
    for (const [address, state] of this.addresses) {
      if (state.waiting === 0 && this.forgotten(state)) this.ended(address, state);
    }
  }
}
