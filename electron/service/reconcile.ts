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
import { findBatch } from '../client/batch-names';
import type { BatchNames, StageFile } from '../client/batch-names';
import type { Failover } from '../client/failover';
import { classify } from '../client/failures';
import type { FtpServer } from '../client/profile';
import { capitalize, describeServer } from '../client/words';

export type Reconciled =
  | { found: 'sent'; stage: StageFile; server: FtpServer; note: string | null }
  | { found: 'nothing'; server: FtpServer; removed: number }
  | { found: 'unknown'; error: string };

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
  /** The listings that failed, as `server A <reason>`. */
  const failed: string[] = [];
  let removed = 0;
  for (let attempt = 0; attempt < TRIES && empty.length < LOOKS; attempt++) {
    if (empty.length > 0) await sleep(secondLookAfterMs);
    const connected = await failover.connect(giveUpAfterMs);
    if (!connected.ok) return notKnown(empty, failed, connected.error);
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
        };
      empty.push(connected.server);
      failover.preferOther(connected);
    } catch (error) {
      const failure = classify(error);
      failed.push(`${describeServer(connected.server)} ${failure.reason}`);
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
function notKnown(empty: FtpServer[], failed: string[], unreachable: string | null): Reconciled {
  const parts: string[] = [];
  if (failed.length > 0)
    parts.push(`The servers could not list their files: ${failed.join('; ')}.`);
  if (empty.length > 0) {
    const servers = [...new Set(empty.map(describeServer))].join(' and ');
    parts.push(
      `${capitalize(servers)} showed no file of it, but that alone does not prove it was not sent.`,
    );
  }
  if (unreachable !== null) parts.push(unreachable);
  return { found: 'unknown', error: parts.join(' ') };
}
