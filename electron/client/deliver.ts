/**
 * Takes one batch to the provider, exactly once (SPEC 1): upload under a temporary name of the
 * batch's own, check the size the server has, rename to the `.ready` name. A server that fails
 * at any step, with a lost connection or with a 4xx or 5xx reply (a server whose writing is off
 * answers `550 Permission denied.`), is left for the other; a step refused by both, or twice by
 * the one that answers, ends the delivery. After a failure once something may be on the server,
 * the listing decides what to do next, on whichever server answers, before anything else is done:
 *
 * - a file of the batch in the life cycle (`.ready`, `.processing`, ...): it was sent; done;
 * - a complete temporary file: rename it (only the one whose rename was already asked, if any,
 *   so that two renames can never both land);
 * - nothing complete: upload again, under the next attempt's name.
 */
import { said } from '../../core/contract/said';
import type { Said } from '../../core/contract/said';
import type { BatchNames, StageFile } from './batch-names';
import { findBatch, tempName } from './batch-names';
import type { Connected, FailedAttempt, Failover } from './failover';
import { classify } from './failures';
import type { FtpServer } from './profile';
import { capitalize, describeServer } from './words';

export type DeliveryEvent =
  | { type: 'server'; server: FtpServer; note: string | null; noteSaid: Said | null }
  | { type: 'progress'; bytes: number; total: number }
  /** A server did not answer; while neither does, one of these for each try. */
  | { type: 'attempt'; attempt: FailedAttempt };

export type Delivered =
  | { ok: true; server: FtpServer; note: string | null; noteSaid: Said | null; stage: StageFile }
  | { ok: false; unreachable: boolean; error: string; said: Said };

export interface DeliveryOptions {
  /** How long to keep trying while neither server answers. */
  giveUpAfterMs: number;
  /** Uploads that may fail (a lost connection, a wrong size) before giving up. */
  maxAttempts?: number;
  /** Called as the delivery goes: the server in use, upload progress, each failed try. */
  onEvent?: (event: DeliveryEvent) => void;
  /** Stops the delivery where it is (the app is closing). */
  signal?: AbortSignal;
}

const DEFAULT_MAX_ATTEMPTS = 5;
/** A listing may miss a file renamed while the server reads its folder; a second one will not. */
const RELIST_DELAY_MS = 200;

export async function deliver(
  failover: Failover,
  names: BatchNames,
  bytes: Uint8Array,
  options: DeliveryOptions,
): Promise<Delivered> {
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const emit = options.onEvent ?? (() => {});
  let connected: Connected | null = null;
  let attempt = 0;
  /** Something of the batch may be on the server: list before doing anything. */
  let uncertain = false;
  /** The temporary file whose rename was asked; no other may ever be renamed. */
  let renaming: string | null = null;
  /** What each server refused (a 5xx reply), in the words of the error that ends a delivery. */
  const refused = new Map<FtpServer, [string, Said]>();
  /** The step under way, for the reason a server is left. */
  let step = 'listing the folder';
  let stepSaid = said('step.listing');

  const finish = (result: Delivered): Delivered => {
    options.signal?.removeEventListener('abort', abort);
    connected?.session.close();
    return result;
  };
  const abort = () => connected?.session.close();
  options.signal?.addEventListener('abort', abort, { once: true });
  const stopped = (): Delivered =>
    finish({
      ok: false,
      unreachable: false,
      error: uncertain
        ? 'Stopped while sending: the batch may or may not have reached the server; its history entry tells its name.'
        : 'Stopped before anything was sent.',
      said: said(uncertain ? 'deliver.stopped-maybe-sent' : 'deliver.stopped-before'),
    });

  for (;;) {
    if (options.signal?.aborted) return stopped();
    if (connected === null || connected.session.closed) {
      const next = await failover.connect(options.giveUpAfterMs, (attempt) =>
        emit({ type: 'attempt', attempt }),
      );
      if (options.signal?.aborted) {
        if (next.ok) next.session.close();
        return stopped();
      }
      if (!next.ok) {
        return finish({ ok: false, unreachable: !next.final, error: next.error, said: next.said });
      }
      connected = next;
      emit({ type: 'server', server: next.server, note: next.note, noteSaid: next.noteSaid });
    }
    const { session } = connected;
    try {
      let temp: string | null = null;
      step = 'listing the folder';
      stepSaid = said('step.listing');
      if (uncertain) {
        let found = findBatch(await session.list(), names);
        const missing = renaming !== null && !found.temps.some((t) => t.name === renaming);
        if (found.stage === null && missing) {
          await new Promise((resolve) => setTimeout(resolve, RELIST_DELAY_MS));
          found = findBatch(await session.list(), names);
        }
        if (found.stage !== null) {
          await removeTemps(
            connected,
            found.temps.map((t) => t.name),
          );
          return finish({
            ok: true,
            server: connected.server,
            note: connected.note,
            noteSaid: connected.noteSaid,
            stage: found.stage,
          });
        }
        const complete = found.temps.filter((t) => t.size === bytes.length);
        if (renaming !== null) {
          temp = complete.find((t) => t.name === renaming)?.name ?? null;
          if (temp === null && !found.temps.some((t) => t.name === renaming)) {
            return finish({
              ok: false,
              unreachable: false,
              error: `The batch's file ${renaming} left the server while it was being renamed, and no file of the batch is there now: it may have been processed. Check the messages sent before sending it again.`,
              said: said('deliver.left-while-renaming', { file: renaming }),
            });
          }
        } else {
          temp = complete.at(-1)?.name ?? null;
        }
      }
      if (temp === null) {
        if (attempt >= maxAttempts) {
          return finish({
            ok: false,
            unreachable: false,
            error: `The upload failed ${attempt} times; nothing was sent.`,
            said: said('deliver.upload-failed', { count: attempt }),
          });
        }
        attempt++;
        temp = tempName(names.id, attempt);
        uncertain = true;
        step = `uploading ${temp}`;
        stepSaid = said('step.uploading', { file: temp });
        await session.upload(bytes, temp, (sent, total) =>
          emit({ type: 'progress', bytes: sent, total }),
        );
        step = `checking the size of ${temp}`;
        stepSaid = said('step.checking-size', { file: temp });
        const size = await session.size(temp);
        if (size !== bytes.length) {
          // Never rename a file that is not whole: the server would process a part of the batch.
          await session.remove(temp).catch(() => {});
          continue;
        }
      }
      renaming = temp;
      step = `renaming ${temp} to ${names.readyName}`;
      stepSaid = said('step.renaming', { file: temp, to: names.readyName });
      await session.rename(temp, names.readyName);
      const left = findBatch(await session.list().catch(() => []), names).temps;
      await removeTemps(
        connected,
        left.map((t) => t.name),
      );
      return finish({
        ok: true,
        server: connected.server,
        note: connected.note,
        noteSaid: connected.noteSaid,
        stage: { stage: 'ready', stamp: null, name: names.readyName },
      });
    } catch (error) {
      if (options.signal?.aborted) return stopped();
      const classified = classify(error);
      const failure = {
        ...classified,
        reason: `${classified.reason} when ${step}`,
        said: said('reason.when', { reason: classified.said, step: stepSaid }),
      };
      const server = connected.server;
      // Any failure moves to the other server, whose listing then decides: a refused rename
      // (550, no such file) may even mean the other server's rename got there first.
      failover.lost(connected, failure);
      uncertain = true;
      if (failure.kind !== 'connection' && failure.kind !== 'transient') {
        const again = refused.has(server);
        refused.set(server, [
          `${describeServer(server)} ${failure.reason}`,
          said('server.failed', { server: server.name, reason: failure.said }),
        ]);
        if (again || refused.size === failover.serverCount) {
          const failures = [...refused.values()].map(([, sentence]) => sentence);
          return finish({
            ok: false,
            unreachable: false,
            error: `${capitalize([...refused.values()].map(([words]) => words).join('; '))}. ${renaming === null ? 'Nothing was sent.' : `The batch's file ${renaming} was not renamed: nothing was sent.`}`,
            said:
              renaming === null
                ? said('deliver.refused', { failures })
                : said('deliver.refused-not-renamed', { failures, file: renaming }),
          });
        }
      }
    }
  }
}

/** Leftovers of attempts given up: never processed, but not to be left about. */
async function removeTemps(connected: Connected, names: string[]): Promise<void> {
  for (const name of names) {
    await connected.session.remove(name).catch(() => {});
  }
}
