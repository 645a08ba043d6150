/**
 * One processing run of a claimed file (SPEC 8 and 9): read it, decide with core, queue its
 * messages once and rename it `.success`, or write the cause and rename it `.rejected`; a failure
 * of the server's own is tried again later, and after the last attempt is `internal-error`.
 */
import { rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { errorText } from '../../core/contract/errors';
import { finishedName, parseStageName } from '../../core/names';
import { internalErrorFile, processFile } from '../../core/processing';
import { isErrno, readRegularFile, replaceFile } from '../base/files';
import { plural } from '../base/words';
import type { Faults } from './faults';
import { accountRoot } from './layout';
import type { Layout } from './layout';
import type { Logger } from './log';
import { commitBatch } from './outbox';
import type { RetryPolicy, RetryStore } from './retries';

/** A claimed file: its account and its `.processing` name. */
export interface Job {
  account: string;
  processing: string;
}

/** Done, or to be tried again at `retryAt`. */
export type Outcome = { done: true } | { done: false; retryAt: number };

const DONE: Outcome = { done: true };

export interface RunOptions {
  layout: Layout;
  log: Logger;
  /** The clock for stamps and causes. */
  now: () => Date;
  retry: RetryPolicy;
  faults: Faults | null;
}

export class ProcessingRun {
  constructor(
    private readonly options: RunOptions,
    private readonly retries: RetryStore,
  ) {}

  async process(job: Job): Promise<Outcome> {
    const { account, processing } = job;
    const root = accountRoot(this.options.layout, account);
    const path = join(root, processing);
    const stage = parseStageName(processing)!;
    const readyName = `${stage.base}.ready`;
    const previous = await this.retries.read(account, processing);
    const attempt = (previous?.attempts ?? 0) + 1;
    let bytes: Uint8Array;
    try {
      bytes = await readRegularFile(path);
    } catch (error) {
      if (isErrno(error, 'ENOENT')) {
        // Finished by another server process that resumed it too.
        await this.retries.clear(account, processing).catch(() => {});
        return DONE;
      }
      return this.failed(job, attempt, errorText(error), null);
    }
    try {
      const result = processFile({ name: readyName, bytes }, this.options.now());
      const context = { account, file: processing };
      await this.options.faults?.at('queue', context);
      if (result.outcome === 'success') {
        const { messages, parts } = result.verdict;
        const batch = `${stage.base}.${stage.stamp}`;
        const { layout } = this.options;
        const queued = await commitBatch(layout.outbox, layout.tmp, account, batch, messages);
        await this.options.faults?.at('committed', context);
        const success = finishedName(processing, 'success');
        await rename(path, join(root, success)).catch((error: unknown) => {
          if (!isErrno(error, 'ENOENT')) throw error;
        });
        const before = queued === 'already' ? ' (queued by an earlier run, not again)' : '';
        this.options.log.info(
          account,
          success,
          `accepted: ${plural(messages.length, 'message')}, ${plural(parts, 'SMS part')} queued${before}`,
        );
      } else {
        const rejected = finishedName(processing, 'rejected');
        await this.finishRejected(root, processing, rejected, result.bytes);
        const { problemCount, problemCounts } = result.verdict;
        const codes = Object.keys(problemCounts).join(', ');
        this.options.log.info(
          account,
          rejected,
          `rejected: ${plural(problemCount, 'problem')} (${codes})`,
        );
      }
      await this.retries.clear(account, processing);
      return DONE;
    } catch (error) {
      return this.failed(job, attempt, errorText(error), bytes);
    }
  }

  /** The rejected file appears whole, then the `.processing` one goes: a crash between repeats both. */
  private async finishRejected(
    root: string,
    processing: string,
    rejected: string,
    bytes: Uint8Array,
  ) {
    await replaceFile(join(root, rejected), bytes, this.options.layout.tmp);
    await unlink(join(root, processing)).catch((error: unknown) => {
      if (!isErrno(error, 'ENOENT')) throw error;
    });
  }

  /** SPEC 9: the server's own failure is tried again later, and after the last attempt rejected. */
  private async failed(
    job: Job,
    attempt: number,
    reason: string,
    bytes: Uint8Array | null,
  ): Promise<Outcome> {
    const { account, processing } = job;
    const { log, retry } = this.options;
    const retryAt = Date.now() + retry.intervalMs;
    if (attempt >= retry.attempts) {
      const rejected = finishedName(processing, 'rejected');
      try {
        const root = accountRoot(this.options.layout, account);
        const original = bytes ?? (await readRegularFile(join(root, processing)));
        const readyName = `${parseStageName(processing)!.base}.ready`;
        const out = internalErrorFile(
          { name: readyName, bytes: original },
          attempt,
          reason,
          this.options.now(),
        );
        await this.finishRejected(root, processing, rejected, out);
        await this.retries.clear(account, processing).catch(() => {});
        log.error(
          account,
          rejected,
          `rejected with internal-error after ${plural(attempt, 'failed attempt')}: ${reason}`,
        );
        return DONE;
      } catch (error) {
        log.error(
          account,
          processing,
          `attempt ${attempt} failed (${reason}), and so did writing the rejection (${errorText(error)}); trying again later`,
        );
      }
    } else {
      const next = `${new Date(retryAt).toISOString().slice(0, 19)}Z`;
      log.warn(
        account,
        processing,
        `attempt ${attempt} of ${retry.attempts} failed: ${reason}; trying again at ${next}`,
      );
    }
    try {
      await this.retries.save(account, processing, {
        attempts: attempt,
        lastError: reason,
        nextAt: retryAt,
      });
    } catch (error) {
      log.error(account, processing, `cannot record the failed attempt: ${errorText(error)}`);
    }
    return { done: false, retryAt };
  }
}
