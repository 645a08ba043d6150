/**
 * Takes each batch's file to the provider and follows it to its end: the upload with failover
 * (client/deliver.ts), then one follower per profile listing the servers (client/follower.ts).
 * Every step is a change of the batch in LiveBatches.
 *
 * Whatever stops an upload, the batch's state says what the servers hold, never a guess: an
 * upload stopped before its rename could be asked sent nothing; one stopped after may have been
 * handed over, and the servers are listed to tell (reconcile.ts): sent, not sent, or not known
 * (they did not answer), with why. A cancel is honoured only before the rename is asked; the
 * app closing mid-upload leaves the batch `uploading`, for the next start to reconcile.
 */
import type { Batch, BatchState } from '../../core/contract/api';
import { errorText } from '../../core/contract/errors';
import { said } from '../../core/contract/said';
import type { Said } from '../../core/contract/said';
import type { BatchNames } from '../client/batch-names';
import { deliver } from '../client/deliver';
import type { Delivered } from '../client/deliver';
import { Failover } from '../client/failover';
import { Follower } from '../client/follower';
import type { FollowUpdate } from '../client/follower';
import type { Profile } from '../client/profile';
import { describeFailedAttempt, failedAttemptSaid } from '../client/words';
import type { BatchFiles } from './batch-files';
import type { LiveBatches } from './live-batches';
import { reconcile } from './reconcile';
import type { Reconciled } from './reconcile';
import { reached } from './test-stops';
import type { Timings } from './timings';

/** An upload under way, and how far it got: what a cancel, or a failure, may conclude. */
interface Upload {
  cancel: AbortController;
  cancelAsked: boolean;
  /** A server answered: something of the batch may be on it. */
  contacted: boolean;
  /** Every byte went out: the rename may be asked any moment, so a cancel is too late. */
  finishing: boolean;
}

export type CancelAnswer = 'cancelling' | 'too-late' | 'not-uploading';

const HANDED_OVER = {
  note: 'Cancel was asked after the file was handed to the provider: it could not be cancelled any more.',
  noteSaid: said('note.handed-over'),
};

const INTERRUPTED: Words = [
  'Its upload was interrupted before the file reached the provider.',
  said('batch.interrupted'),
];

/** A sentence in English and as data. */
type Words = [string, Said];

function failed(error: string, errorSaid: Said): Partial<Batch> {
  return { state: 'failed', error, errorSaid, progress: null };
}

export class Courier {
  private readonly followers = new Map<string, Follower>();
  private readonly deliveries = new Set<Promise<void>>();
  private readonly uploads = new Map<string, Upload>();
  private readonly stopping = new AbortController();

  constructor(
    private readonly live: LiveBatches,
    private readonly timings: Timings,
    private readonly files: BatchFiles,
  ) {}

  /** Uploads the batch's file, then follows it; returns at once. */
  carry(profile: Profile, names: BatchNames, bytes: Uint8Array): void {
    this.track(this.upload(profile, names, bytes));
  }

  /**
   * Takes up a batch whose run was interrupted, or tries one again: asks the servers what became
   * of it first, then follows it if it reached them, or else (`finish`) uploads its file, kept on
   * disk, or (`check`) tells that it was not sent.
   */
  resume(profile: Profile, names: BatchNames, mode: 'finish' | 'check', handedOver: boolean): void {
    this.track(this.takeUp(profile, names, mode, handedOver));
  }

  /** Follows a batch that reached the server, from the stage known of it. */
  follow(profile: Profile, batch: Batch, names: BatchNames): void {
    this.watch(profile, names, batch.state, batch.stamp);
  }

  isUploading(id: string): boolean {
    return this.uploads.has(id);
  }

  /** Stops an upload before its rename; once the file may be handed over, it is too late. */
  cancel(id: string): CancelAnswer {
    const upload = this.uploads.get(id);
    if (upload === undefined) return 'not-uploading';
    upload.cancelAsked = true;
    if (upload.finishing) return 'too-late';
    upload.cancel.abort();
    return 'cancelling';
  }

  /** Stops following and waits for uploads under way to end (they stop at once). */
  async close(): Promise<void> {
    this.stopping.abort();
    await Promise.all([...this.deliveries]);
    await Promise.all([...this.followers.values()].map((follower) => follower.close()));
    this.followers.clear();
  }

  private track(work: Promise<void>): void {
    const delivery = work
      .catch(async (error: unknown) => {
        // A bug, not a server's failure: nothing is left unsaid about the batch.
        console.error(`Sendsheet: ${errorText(error)}`);
      })
      .finally(() => this.deliveries.delete(delivery));
    this.deliveries.add(delivery);
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

  private failover(profile: Profile, signal: AbortSignal = this.stopping.signal): Failover {
    return new Failover(profile, this.timings, this.timings.backoff, signal);
  }

  private async upload(profile: Profile, names: BatchNames, bytes: Uint8Array): Promise<void> {
    const id = names.id;
    const upload: Upload = {
      cancel: new AbortController(),
      cancelAsked: false,
      contacted: false,
      finishing: false,
    };
    this.uploads.set(id, upload);
    const signal = AbortSignal.any([this.stopping.signal, upload.cancel.signal]);
    reached('before-upload');
    let result: Delivered;
    try {
      result = await deliver(this.failover(profile, signal), names, bytes, {
        giveUpAfterMs: this.timings.giveUpAfterMs,
        signal,
        onEvent: (event) => {
          if (event.type === 'server') {
            upload.contacted = true;
            const { note, noteSaid } = event;
            void this.live.change(id, { server: event.server.name, note, noteSaid });
          } else if (event.type === 'attempt') {
            // The batch says why it waits, and when the next try is; the history keeps it.
            void this.live.change(id, {
              note: describeFailedAttempt(event.attempt),
              noteSaid: failedAttemptSaid(event.attempt),
            });
          } else {
            upload.finishing = event.total > 0 && event.bytes >= event.total;
            // A new attempt starts again from 0: a cancel asked meanwhile is honoured now.
            if (!upload.finishing && upload.cancelAsked) upload.cancel.abort();
            const percent = event.total === 0 ? 100 : Math.floor((event.bytes * 100) / event.total);
            void this.live.change(id, {
              progress: { bytes: event.bytes, total: event.total, percent },
            });
            if (event.bytes * 2 >= event.total && !upload.finishing) reached('mid-upload');
          }
        },
      });
    } catch (error) {
      // A bug, not a server's failure: the batch still ends with a state, and says why.
      result = {
        ok: false,
        unreachable: false,
        error: `Internal error: ${errorText(error)}`,
        said: said('batch.internal-error', { detail: errorText(error) }),
      };
    } finally {
      this.uploads.delete(id);
    }
    if (result.ok) {
      reached('after-rename');
      await this.handedOver(profile, names, bytes.length, result, upload.cancelAsked);
      return;
    }
    if (upload.cancel.signal.aborted) {
      // Stopped before the rename was asked: nothing was sent. The listing only tidies up.
      await this.files.dropBytes(id);
      await this.reconciled(profile, names, await this.ask(profile, names), 'cancelled');
      return;
    }
    if (this.stopping.signal.aborted) {
      // The app is closing. Before any server answered, nothing can be on one; after, the next
      // start asks the servers (the batch stays `uploading`).
      if (!upload.contacted) await this.live.change(id, failed(result.error, result.said));
      return;
    }
    if (!upload.finishing) {
      // No rename was ever asked: whatever the servers hold of it is never processed.
      await this.live.change(id, failed(result.error, result.said));
      return;
    }
    await this.reconciled(profile, names, await this.ask(profile, names), 'failed', [
      result.error,
      result.said,
    ]);
  }

  private async handedOver(
    profile: Profile,
    names: BatchNames,
    size: number,
    result: Extract<Delivered, { ok: true }>,
    cancelAsked: boolean,
  ): Promise<void> {
    const id = names.id;
    await this.files.dropBytes(id);
    await this.live.change(id, {
      state: 'ready',
      server: result.server.name,
      ...(cancelAsked ? HANDED_OVER : { note: result.note, noteSaid: result.noteSaid }),
      progress: { bytes: size, total: size, percent: 100 },
    });
    const stage = result.stage;
    if (stage.stage === 'processing')
      await this.live.change(id, { state: 'processing', stamp: stage.stamp });
    reached('following');
    this.watch(profile, names, stage.stage, stage.stamp);
  }

  private ask(profile: Profile, names: BatchNames): Promise<Reconciled> {
    // A short wait: the person is looking at the batch, and Retry asks again.
    return reconcile(
      this.failover(profile),
      names,
      Math.min(this.timings.giveUpAfterMs, 30_000),
    ).catch(
      (error: unknown) =>
        ({
          found: 'unknown',
          error: errorText(error),
          said: said('batch.internal-error', { detail: errorText(error) }),
        }) as const,
    );
  }

  /** Puts what the servers said of a batch into its state. */
  private async reconciled(
    profile: Profile,
    names: BatchNames,
    found: Reconciled,
    notSent: 'failed' | 'cancelled',
    why: Words = INTERRUPTED,
  ): Promise<void> {
    const id = names.id;
    if (this.stopping.signal.aborted && found.found === 'unknown') return;
    if (found.found === 'sent') {
      await this.files.dropBytes(id);
      const state: BatchState = found.stage.stage;
      await this.live.change(id, {
        state: state === 'ready' ? 'ready' : 'processing',
        stamp: found.stage.stamp,
        server: found.server.name,
        ...(notSent === 'cancelled' ? HANDED_OVER : { note: found.note, noteSaid: found.noteSaid }),
        progress: null,
        error: null,
        errorSaid: null,
      });
      this.watch(profile, names, found.stage.stage, found.stage.stamp);
      return;
    }
    if (found.found === 'nothing') {
      const [error, errorSaid]: Words =
        notSent === 'cancelled'
          ? [
              'Cancelled before the file was handed to the provider: nothing was sent.',
              said('batch.cancelled-nothing-sent'),
            ]
          : [
              `${why[0]} Nothing was sent; Retry sends it.`,
              said('batch.not-sent-retry', { why: why[1] }),
            ];
      await this.live.change(id, { state: notSent, error, errorSaid, progress: null });
      return;
    }
    await this.live.change(id, {
      state: 'unknown',
      progress: null,
      error: `It is not known whether this batch reached the provider: ${found.error} Retry asks the servers again, and sends it only if it is not there.`,
      errorSaid: said('batch.not-known-whether-sent', { why: found.said }),
    });
  }

  private async takeUp(
    profile: Profile,
    names: BatchNames,
    mode: 'finish' | 'check',
    handedOver: boolean,
  ): Promise<void> {
    const id = names.id;
    const found = await this.ask(profile, names);
    if (this.stopping.signal.aborted) return;
    if (found.found === 'nothing' && handedOver) {
      // It was on the servers once: processed, then removed by someone, or removed unsent.
      // Either way it is never sent again on a guess.
      await this.live.change(id, {
        state: 'vanished',
        progress: null,
        error:
          "The batch's file is no longer on the servers: it may have been processed and then removed by someone. It is not sent again.",
        errorSaid: said('batch.gone-from-servers'),
      });
      return;
    }
    if (found.found !== 'nothing' || mode === 'check') {
      await this.reconciled(profile, names, found, 'failed', [
        'Sendsheet stopped while it was uploading this batch, before the file reached the provider.',
        said('batch.interrupted-by-stop'),
      ]);
      return;
    }
    const bytes = await this.files.bytes(id);
    if (bytes === null) {
      await this.live.change(id, {
        state: 'failed',
        progress: null,
        error: 'Not sent, and its file is no longer kept on this computer: send the list again.',
        errorSaid: said('batch.file-not-kept'),
      });
      return;
    }
    await this.live.change(id, {
      state: 'uploading',
      error: null,
      errorSaid: null,
      progress: { bytes: 0, total: bytes.length, percent: 0 },
    });
    await this.upload(profile, names, bytes);
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
      const { state, error, errorSaid } = update;
      await this.live.change(update.id, { state, error, errorSaid });
      return;
    }
    // The note comes with the state, from the server that answered it: a note of an earlier
    // failover, or of the upload, would name a server left long since.
    await this.live.change(update.id, {
      state: update.state,
      stamp: update.stamp,
      server: update.server.name,
      note: update.note,
      noteSaid: update.noteSaid,
      cause: update.cause,
      causeText: update.causeText,
      error: update.error,
      errorSaid: update.errorSaid,
    });
  }
}
