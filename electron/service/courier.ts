/**
 * Takes each batch's file to the provider and follows it to its end: the upload with failover
 * (client/deliver.ts), then one follower per profile listing the servers (client/follower.ts).
 * Every step is a change of the batch in LiveBatches.
 */
import type { Batch } from '../../core/contract/api';
import { errorText } from '../../core/contract/errors';
import type { BatchNames } from '../client/batch-names';
import { deliver } from '../client/deliver';
import type { Delivered } from '../client/deliver';
import { Failover } from '../client/failover';
import { Follower } from '../client/follower';
import type { FollowUpdate } from '../client/follower';
import type { Profile } from '../client/profile';
import { describeFailedAttempt } from '../client/words';
import type { LiveBatches } from './live-batches';
import type { Timings } from './timings';

export class Courier {
  private readonly followers = new Map<string, Follower>();
  private readonly deliveries = new Set<Promise<void>>();
  private readonly stopping = new AbortController();

  constructor(
    private readonly live: LiveBatches,
    private readonly timings: Timings,
  ) {}

  /** Uploads the batch's file, then follows it; returns at once. */
  carry(profile: Profile, names: BatchNames, bytes: Uint8Array): void {
    const delivery = this.deliver(profile, names, bytes).finally(() =>
      this.deliveries.delete(delivery),
    );
    this.deliveries.add(delivery);
  }

  /** Follows a batch that reached the server, from the stage known of it. */
  follow(profile: Profile, batch: Batch, names: BatchNames): void {
    this.watch(profile, names, batch.state, batch.stamp);
  }

  private watch(profile: Profile, names: BatchNames, state: string, stamp: string | null): void {
    const known = state === 'ready' || state === 'processing' ? state : null;
    this.followerFor(profile).follow({
      id: names.id,
      names,
      until: Date.now() + this.timings.followForMs,
      known: known === null ? undefined : { state: known, stamp },
    });
  }

  /** Stops following and waits for uploads under way to end (they stop at once). */
  async close(): Promise<void> {
    this.stopping.abort();
    await Promise.all([...this.deliveries]);
    await Promise.all([...this.followers.values()].map((follower) => follower.close()));
    this.followers.clear();
  }

  private failover(profile: Profile): Failover {
    return new Failover(profile, this.timings, this.timings.backoff, this.stopping.signal);
  }

  private async deliver(profile: Profile, names: BatchNames, bytes: Uint8Array): Promise<void> {
    const id = names.id;
    let result: Delivered;
    try {
      result = await deliver(this.failover(profile), names, bytes, {
        giveUpAfterMs: this.timings.giveUpAfterMs,
        signal: this.stopping.signal,
        onEvent: (event) => {
          if (event.type === 'server') {
            void this.live.change(id, { server: event.server.name, note: event.note });
          } else if (event.type === 'attempt') {
            // The batch says why it waits, and when the next try is; the history keeps it.
            void this.live.change(id, { note: describeFailedAttempt(event.attempt) });
          } else {
            const percent = event.total === 0 ? 100 : Math.floor((event.bytes * 100) / event.total);
            void this.live.change(id, {
              progress: { bytes: event.bytes, total: event.total, percent },
            });
          }
        },
      });
    } catch (error) {
      // A bug, not a server's failure: the batch still ends with a state, and says why.
      result = { ok: false, unreachable: false, error: `Internal error: ${errorText(error)}` };
    }
    if (!result.ok) {
      await this.live.change(id, { state: 'failed', error: result.error, progress: null });
      return;
    }
    const stage = result.stage;
    await this.live.change(id, {
      state: 'ready',
      server: result.server.name,
      note: result.note,
      progress: { bytes: bytes.length, total: bytes.length, percent: 100 },
    });
    if (stage.stage === 'processing')
      await this.live.change(id, { state: 'processing', stamp: stage.stamp });
    this.watch(profile, names, stage.stage, stage.stamp);
  }

  private followerFor(profile: Profile): Follower {
    let follower = this.followers.get(profile.id);
    if (!follower) {
      follower = new Follower(
        this.failover(profile),
        { intervalMs: this.timings.pollIntervalMs },
        (update) => void this.followed(update),
      );
      this.followers.set(profile.id, follower);
    }
    return follower;
  }

  private async followed(update: FollowUpdate): Promise<void> {
    if (!('server' in update)) {
      await this.live.change(update.id, { state: update.state, error: update.error });
      return;
    }
    // The note comes with the state, from the server that answered it: a note of an earlier
    // failover, or of the upload, would name a server left long since.
    await this.live.change(update.id, {
      state: update.state,
      stamp: update.stamp,
      server: update.server.name,
      note: update.note,
      cause: update.cause,
      causeText: update.causeText,
      error: update.error,
    });
  }
}
