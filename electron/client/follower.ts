/**
 * Follows batches through the life cycle by listing the folder (SPEC 1): `.ready` ->
 * `.STAMP.processing` -> `.STAMP.success` | `.STAMP.rejected`. One listing a round serves every
 * batch of the profile; each listing is a fresh LIST, never a cached one (the provider warns that
 * clients caching listings miss the changes). A rejected file is downloaded and its cause read.
 * Each state is told with the server that answered it and that server's note, so a failover
 * while following is never described by the one before it (issue 19).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { RejectionCause } from '../../core/contract/api';
import { said } from '../../core/contract/said';
import type { Said } from '../../core/contract/said';
import { findBatch } from './batch-names';
import type { BatchNames } from './batch-names';
import type { Connected, FailedAttempt, Failover } from './failover';
import { classify } from './failures';
import type { FtpServer } from './profile';
import { readRejection } from './rejection';
import type { Rejection } from './rejection';
import { describeServer, formatSecondsLong } from './words';

export interface Followed {
  id: string;
  names: BatchNames;
  /** When to stop following (milliseconds since the epoch). */
  until: number;
  /** The stage known already, so that only changes are told. */
  known?: { state: 'ready' | 'processing'; stamp: string | null };
}

export type FollowUpdate =
  | {
      id: string;
      state: 'ready' | 'processing' | 'success' | 'rejected';
      stamp: string | null;
      server: FtpServer;
      /** Why the other server was left, when the state came from the one that was not left. */
      note: string | null;
      noteSaid: Said | null;
      cause: RejectionCause | null;
      /** A rejected file without a cause core reads: its last lines, as the server wrote them. */
      causeText: string[] | null;
      error: string | null;
      errorSaid: Said | null;
    }
  | { id: string; state: 'timed-out' | 'vanished'; error: string; errorSaid: Said };

export interface FollowOptions {
  /** Time between two listings. */
  intervalMs: number;
  /** Listings in a row without the batch before it counts as gone. Default 3. */
  missesToVanish?: number;
  /** Downloads of a rejected file that may fail before it is told without its cause. Default 3. */
  causeAttempts?: number;
}

interface Entry {
  followed: Followed;
  state: string | null;
  stamp: string | null;
  misses: number;
  causeFailures: number;
}

export class Follower {
  private readonly entries = new Map<string, Entry>();
  private connected: Connected | null = null;
  /**
   * Why the last round had no server to list, while it had none: each server's failure, or the
   * reason trying again cannot help (a refused login).
   */
  private unanswered: {
    reasons: Map<FtpServer, [string, Said]>;
    final: [string, Said] | null;
  } | null = null;
  private running: Promise<void> | null = null;
  private readonly stop = new AbortController();

  constructor(
    private readonly failover: Failover,
    private readonly options: FollowOptions,
    private readonly onUpdate: (update: FollowUpdate) => void,
  ) {}

  follow(followed: Followed): void {
    if (this.stop.signal.aborted) return;
    this.entries.set(followed.id, {
      followed,
      state: followed.known?.state ?? null,
      stamp: followed.known?.stamp ?? null,
      misses: 0,
      causeFailures: 0,
    });
    this.ensureRunning();
  }

  private ensureRunning(): void {
    if (this.running !== null || this.stop.signal.aborted || this.entries.size === 0) return;
    this.running = this.run().finally(() => {
      this.running = null;
      // A batch added just as the loop ended starts it again.
      this.ensureRunning();
    });
  }

  unfollow(id: string): void {
    this.entries.delete(id);
  }

  get size(): number {
    return this.entries.size;
  }

  async close(): Promise<void> {
    this.stop.abort();
    this.entries.clear();
    await this.running;
    this.connected?.session.close();
    this.connected = null;
  }

  private async run(): Promise<void> {
    while (this.entries.size > 0 && !this.stop.signal.aborted) {
      await this.round();
      if (this.entries.size === 0) break;
      try {
        await sleep(this.options.intervalMs, undefined, { signal: this.stop.signal });
      } catch {
        break;
      }
    }
    this.connected?.session.close();
    this.connected = null;
  }

  private finish(entry: Entry, update: FollowUpdate): void {
    this.entries.delete(entry.followed.id);
    this.onUpdate(update);
  }

  /** One listing, and what it says about each batch. */
  private async round(): Promise<void> {
    const now = Date.now();
    for (const entry of [...this.entries.values()]) {
      if (now >= entry.followed.until) {
        const [error, errorSaid] = this.gaveUp(entry);
        this.finish(entry, { id: entry.followed.id, state: 'timed-out', error, errorSaid });
      }
    }
    if (this.entries.size === 0) return;
    if (this.connected === null || this.connected.session.closed) {
      const reasons = new Map<FtpServer, [string, Said]>();
      const next = await this.failover.connect(this.options.intervalMs, (attempt: FailedAttempt) =>
        reasons.set(attempt.server, [attempt.reason, attempt.reasonSaid]),
      );
      if (!next.ok) {
        this.unanswered = { reasons, final: next.final ? [next.error, next.said] : null };
        return;
      }
      this.unanswered = null;
      this.connected = next;
    }
    const connected = this.connected;
    try {
      const files = await connected.session.list();
      for (const entry of [...this.entries.values()]) {
        if (!this.entries.has(entry.followed.id)) continue;
        await this.read(entry, findBatch(files, entry.followed.names).stage, connected);
      }
    } catch (error) {
      const failure = classify(error);
      this.failover.lost(connected, failure);
      this.connected = null;
    }
  }

  /** Why following a batch stopped at the end of the time given it, in words and as data. */
  private gaveUp(entry: Entry): [string, Said] {
    const last = entry.state === null ? 'uploaded' : `.${entry.state}`;
    // `uploaded` is the state the batch has before the server took it up.
    const state = entry.state === 'processing' ? 'processing' : 'ready';
    const unanswered = this.unanswered;
    if (unanswered === null) {
      return [
        `Stopped following: the batch was still ${last} after the time given to follow it.`,
        said('follow.still', { state }),
      ];
    }
    if (unanswered.final !== null) {
      const [words, why] = unanswered.final;
      return [`Stopped following: ${words}`, said('follow.stopped-because', { why })];
    }
    const reasons = [...unanswered.reasons].map(
      ([server, [reason]]) => `; ${describeServer(server)} ${reason}`,
    );
    const failures = [...unanswered.reasons].map(([server, [, reason]]) =>
      said('server.failed', { server: server.name, reason }),
    );
    return [
      `Stopped following: neither server answered while following: the batch may still be processing (it was last seen ${last}${reasons.join('')}).`,
      said('follow.no-server', { state, failures }),
    ];
  }

  private async read(
    entry: Entry,
    stage: ReturnType<typeof findBatch>['stage'],
    connected: Connected,
  ): Promise<void> {
    const id = entry.followed.id;
    if (stage === null) {
      entry.misses++;
      if (entry.misses >= (this.options.missesToVanish ?? 3)) {
        this.finish(entry, {
          id,
          state: 'vanished',
          error: `The batch's file is no longer on the server (${entry.misses} listings over ${formatSecondsLong(entry.misses * this.options.intervalMs)}): someone deleted or renamed it.`,
          errorSaid: said('follow.vanished', {
            count: entry.misses,
            ms: entry.misses * this.options.intervalMs,
          }),
        });
      }
      return;
    }
    entry.misses = 0;
    if (stage.stage === entry.state && stage.stamp === entry.stamp) return;
    const base = {
      id,
      stamp: stage.stamp,
      server: connected.server,
      note: connected.note,
      noteSaid: connected.noteSaid,
    };
    if (stage.stage !== 'rejected') {
      entry.state = stage.stage;
      entry.stamp = stage.stamp;
      const update: FollowUpdate = {
        ...base,
        state: stage.stage,
        cause: null,
        causeText: null,
        error: null,
        errorSaid: null,
      };
      if (stage.stage === 'success') this.finish(entry, update);
      else this.onUpdate(update);
      return;
    }
    let rejection: Rejection;
    try {
      const bytes = await connected.session.download(stage.name);
      rejection = readRejection(bytes, entry.followed.names.readyName);
    } catch (failure) {
      const sorted = classify(failure);
      entry.causeFailures++;
      if (entry.causeFailures < (this.options.causeAttempts ?? 3)) {
        // Throws on: a lost connection ends the round, and the next one downloads again.
        if (sorted.kind === 'connection' || sorted.kind === 'transient') throw failure;
        return;
      }
      rejection = {
        cause: null,
        causeText: null,
        error: `The rejected file could not be downloaded: the server ${sorted.reason}.`,
        errorSaid: said('follow.cause-not-downloaded', { reason: sorted.said }),
      };
    }
    this.finish(entry, { ...base, state: 'rejected', ...rejection });
  }
}
