/**
 * What became of a batch, asked of the servers themselves: a listing shows the batch's files by
 * the id in their names (client/batch-names.ts). A file of it in the life cycle (`.ready`,
 * `.processing`, ...) means it was handed to the provider: one listing that shows one is the
 * answer. None means it was not, and never will be on its own: its temporary upload files, the
 * only other trace it can leave, are never processed, and are deleted here.
 *
 * But "not sent" lets the batch be sent again, and a listing can come back empty by accident (a
 * server just restarted, a folder briefly unreadable, a listing cut short): an SMS sent twice
 * costs money. So that answer takes two listings that show nothing of the batch, the second a
 * moment later and from the other server when it answers (both show the same files, SPEC 0),
 * and no listing that failed on the way. Anything less is not known, with why: Retry asks again.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { said } from '../../core/contract/said';
import type { Said } from '../../core/contract/said';
import { findBatch } from '../client/batch-names';
import type { BatchNames, StageFile } from '../client/batch-names';
import type { Failover } from '../client/failover';
import { classify } from '../client/failures';
import type { FtpServer } from '../client/profile';
import { capitalize, describeServer } from '../client/words';

export type Reconciled =
  | {
      found: 'sent';
      stage: StageFile;
      server: FtpServer;
      note: string | null;
      noteSaid: Said | null;
    }
  | { found: 'nothing'; server: FtpServer; removed: number }
  | { found: 'unknown'; error: string; said: Said };

/** Listings tried at most: one that fails is followed by one of the other server. */
const TRIES = 3;
/** Listings that must show nothing of the batch before it is called not sent. */
const LOOKS = 2;
/** The pause before a second look: what emptied the first listing may have passed by then. */
export const SECOND_LOOK_AFTER_MS = 250;

export async function reconcile(
  failover: Failover,
  names: BatchNames,
  giveUpAfterMs: number,
  secondLookAfterMs = SECOND_LOOK_AFTER_MS,
): Promise<Reconciled> {
  /** The servers whose listing showed nothing of the batch, one entry a listing. */
  const empty: FtpServer[] = [];
  /** The listings that failed, as `server A <reason>` and as data. */
  const failed: [string, Said][] = [];
  let removed = 0;
  for (let attempt = 0; attempt < TRIES && empty.length < LOOKS; attempt++) {
    if (empty.length > 0) await sleep(secondLookAfterMs);
    const connected = await failover.connect(giveUpAfterMs);
    if (!connected.ok) return notKnown(empty, failed, [connected.error, connected.said]);
    const { session } = connected;
    try {
      const found = findBatch(await session.list(), names);
      for (const temp of found.temps) {
        // A leftover that cannot be deleted now is hidden and never processed: no harm done.
        await session.remove(temp.name).then(
          () => removed++,
          () => {},
        );
      }
      if (found.stage !== null)
        return {
          found: 'sent',
          stage: found.stage,
          server: connected.server,
          note: connected.note,
          noteSaid: connected.noteSaid,
        };
      empty.push(connected.server);
      failover.preferOther(connected);
    } catch (error) {
      const failure = classify(error);
      failed.push([
        `${describeServer(connected.server)} ${failure.reason}`,
        said('server.failed', { server: connected.server.name, reason: failure.said }),
      ]);
      failover.lost(connected, failure);
    } finally {
      session.close();
    }
  }
  if (failed.length === 0 && empty.length >= LOOKS)
    return { found: 'nothing', server: empty[0]!, removed };
  return notKnown(empty, failed, null);
}

/** Why it is not known: what the listings showed, and what stopped the next one. */
function notKnown(
  empty: FtpServer[],
  failed: [string, Said][],
  unreachable: [string, Said] | null,
): Reconciled {
  const parts: string[] = [];
  const sentences: Said[] = [];
  if (failed.length > 0) {
    parts.push(`The servers could not list their files: ${failed.map(([w]) => w).join('; ')}.`);
    sentences.push(said('batch.could-not-list', { failures: failed.map(([, s]) => s) }));
  }
  if (empty.length > 0) {
    const shown = [...new Set(empty)];
    const servers = shown.map(describeServer).join(' and ');
    parts.push(
      `${capitalize(servers)} showed no file of it, but that alone does not prove it was not sent.`,
    );
    const [first, second] = shown.map((server) => server.name);
    sentences.push(
      second === undefined
        ? said('batch.showed-nothing', { server: first! })
        : said('batch.showed-nothing-both', { first: first!, second }),
    );
  }
  if (unreachable !== null) {
    parts.push(unreachable[0]);
    sentences.push(unreachable[1]);
  }
  const whole = sentences.length === 1 ? sentences[0]! : said('note.sentences', { sentences });
  return { found: 'unknown', error: parts.join(' '), said: whole };
}
