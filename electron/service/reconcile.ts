/**
 * What became of a batch, asked of the servers themselves: a listing shows the batch's files by
 * the id in their names (client/batch-names.ts). A file of it in the life cycle (`.ready`,
 * `.processing`, ...) means it was handed to the provider; none means it was not, and never will
 * be on its own: its temporary upload files, the only other trace it can leave, are never
 * processed, and are deleted here. Both servers show the same files (SPEC 0), so one listing of
 * either is the answer; when neither answers, the answer is that it is not known.
 */
import { said } from '../../core/contract/said';
import type { Said } from '../../core/contract/said';
import { findBatch } from '../client/batch-names';
import type { BatchNames, StageFile } from '../client/batch-names';
import type { Failover } from '../client/failover';
import { classify } from '../client/failures';
import type { FtpServer } from '../client/profile';

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

/** Listings tried before the answer is that it is not known: each server, then once more. */
const TRIES = 3;

export async function reconcile(
  failover: Failover,
  names: BatchNames,
  giveUpAfterMs: number,
): Promise<Reconciled> {
  let last = 'neither server answered';
  let lastSaid: Said | null = null;
  for (let attempt = 0; attempt < TRIES; attempt++) {
    const connected = await failover.connect(giveUpAfterMs);
    if (!connected.ok) return { found: 'unknown', error: connected.error, said: connected.said };
    const { session } = connected;
    try {
      const found = findBatch(await session.list(), names);
      let removed = 0;
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
      return { found: 'nothing', server: connected.server, removed };
    } catch (error) {
      const failure = classify(error);
      last = `server ${connected.server.name} ${failure.reason}`;
      lastSaid = said('server.failed', { server: connected.server.name, reason: failure.said });
      failover.lost(connected, failure);
    } finally {
      session.close();
    }
  }
  return {
    found: 'unknown',
    error: `The servers could not list their files: ${last}.`,
    // TRIES is at least 1, and each try that ends here failed at listing.
    said: said('batch.could-not-list', { failure: lastSaid! }),
  };
}
