/** How long the service waits for the provider's servers, and how often it asks them. */
import { DEFAULT_BACKOFF } from '../client/failover';
import type { Backoff } from '../client/failover';

export interface Timings {
  /** From opening a connection to being logged in. */
  connectTimeoutMs: number;
  /** How long a later step may go without an answer. */
  idleTimeoutMs: number;
  /** How long to keep trying to send while neither server answers. */
  giveUpAfterMs: number;
  /** Time between two listings when following. */
  pollIntervalMs: number;
  /** How long a batch is followed before it is `timed-out`. */
  followForMs: number;
  backoff: Backoff;
}

export const DEFAULT_TIMINGS: Timings = {
  connectTimeoutMs: 4000,
  idleTimeoutMs: 20_000,
  giveUpAfterMs: 5 * 60_000,
  pollIntervalMs: 2000,
  // SPEC 9: a failing batch is retried 5 times, 30 minutes apart; follow it through that.
  followForMs: 3 * 60 * 60_000,
  backoff: DEFAULT_BACKOFF,
};
