/**
 * One processing run of a claimed file (SPEC 2, 8 and 9): read it, decide with core, queue its
 * messages once and rename it `.success`, or write the cause and rename it `.rejected`; a failure
 * of the server's own is tried again later, and after the last attempt is `internal-error`.
 *
 * Every attempt is counted on disk before it starts, so a file whose processing kills the server
 * is counted as it goes down, and on the start after the last such attempt it is rejected
 * without being read again. A file over 30 MiB is never read: its size decides, and the cause
 * is appended to it in place, whatever its size.
 */
import { rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { errorText } from '../../core/contract/errors';
import { unreadCause } from '../../core/cause';
import { MAX_FILE_BYTES } from '../../core/decode';
import { finishedName, parseStageName } from '../../core/names';
import {
  internalErrorFile,
  internalErrorProblem,
  processSteps,
  processUnread,
} from '../../core/processing';
import type { Problem } from '../../core/problems';
import { isErrno, replaceFile, syncDir } from '../base/files';
import { nodeCheckOptions } from '../base/native-text';
import { inTurns } from '../base/next-turn';
import { plural } from '../base/words';
import { cutTo, NotRegularFile, openForReading, readBytes, writeAt } from './account-file';
import type { OpenedFile } from './account-file';
import type { Faults } from './faults';
import { accountRoot } from './layout';
import type { Layout } from './layout';
import type { Logger } from './log';
import { commitBatch } from './outbox';
import type { RetryPolicy, RetryRecord, RetryStore } from './retries';

/** A claimed file: its account and its `.processing` name. */
export interface Job {
  account: string;
  processing: string;
}

/** Done, or to be tried again at `retryAt`. */
export type Outcome = { done: true } | { done: false; retryAt: number };

const DONE: Outcome = { done: true };

/** What an attempt that never ended is recorded as, until it ends. */
const STOPPED = 'the server stopped while processing it';

/** The first bytes of a file too large to read: where its first line ending is looked for. */
const HEAD_BYTES = 64 * 1024;

const LF = 0x0a;

export interface RunOptions {
  layout: Layout;
  log: Logger;
  /** The clock for stamps and causes. */
  now: () => Date;
  retry: RetryPolicy;
  faults: Faults | null;
  /** Awaited between two pieces of a file's check; default: the event loop's next turn. */
  pause?: () => Promise<void>;
}

export class ProcessingRun {
  constructor(
    private readonly options: RunOptions,
    private readonly retries: RetryStore,
  ) {}

  private path(job: Job): string {
    return join(accountRoot(this.options.layout, job.account), job.processing);
  }

  async process(job: Job): Promise<Outcome> {
    const { account, processing } = job;
    let file: OpenedFile;
    try {
      file = await openForReading(this.path(job));
    } catch (error) {
      if (isErrno(error, 'ENOENT') || error instanceof NotRegularFile) {
        // Finished by another run, deleted by hand, or something the server never reads.
        if (error instanceof NotRegularFile)
          this.options.log.warn(account, processing, 'not a regular file: left alone');
        await this.retries.clear(account, processing).catch(() => {});
        return DONE;
      }
      const record = await this.retries.read(account, processing);
      return this.failed(job, (record?.attempts ?? 0) + 1, errorText(error), null, record);
    }
    try {
      return await this.attempt(job, file);
    } finally {
      await file.handle.close();
    }
  }

  private async attempt(job: Job, file: OpenedFile): Promise<Outcome> {
    const { account, processing } = job;
    const { retry, log } = this.options;
    const record = await this.retries.read(account, processing);
    const started = record?.attempts ?? 0;
    if (record?.running) {
      log.warn(
        account,
        processing,
        `attempt ${started} of ${retry.attempts} ended early: ${STOPPED}`,
      );
    }
    if (started >= retry.attempts)
      return this.giveUp(job, file, started, record!.lastError, record);
    const attempt = started + 1;
    const size = record?.size ?? file.size;
    try {
      await this.retries.save(account, processing, {
        attempts: attempt,
        lastError: STOPPED,
        nextAt: Date.now(),
        running: true,
        size,
      });
    } catch (error) {
      // Not counted, so not tried: a file that kills the server must never go uncounted.
      return this.failed(
        job,
        attempt,
        `cannot count the attempt: ${errorText(error)}`,
        file,
        record,
      );
    }
    try {
      if (file.size > MAX_FILE_BYTES) await this.rejectUnread(job, file, size);
      else await this.processRead(job, file);
      await this.retries.clear(account, processing);
      return DONE;
    } catch (error) {
      return this.failed(job, attempt, errorText(error), file, { size });
    }
  }

  private async processRead(job: Job, file: OpenedFile): Promise<void> {
    const { account, processing } = job;
    const { layout, log, faults } = this.options;
    const root = accountRoot(layout, account);
    const stage = parseStageName(processing)!;
    const bytes = await readBytes(file.handle, file.size);
    // A piece of the check at a time, each after a turn of the event loop: both servers answer
    // their clients on this thread, and a 30 MiB file's check in one go held them for seconds
    // on a busy machine, past a client's time-out.
    const result = await inTurns(
      processSteps({ name: `${stage.base}.ready`, bytes }, this.options.now(), nodeCheckOptions),
      this.options.pause,
    );
    const context = { account, file: processing };
    await faults?.at('queue', context);
    if (result.outcome === 'success') {
      const { rows, parts } = result.verdict;
      const batch = `${stage.base}.${stage.stamp}`;
      const queued = await commitBatch(
        layout.outbox,
        layout.tmp,
        account,
        batch,
        result.messageChunks(),
      );
      await faults?.at('committed', context);
      const success = finishedName(processing, 'success');
      await rename(join(root, processing), join(root, success)).catch((error: unknown) => {
        if (!isErrno(error, 'ENOENT')) throw error;
      });
      const before = queued === 'already' ? ' (queued by an earlier run, not again)' : '';
      log.info(
        account,
        success,
        `accepted: ${plural(rows, 'message')}, ${plural(parts, 'SMS part')} queued${before}`,
      );
    } else {
      const rejected = finishedName(processing, 'rejected');
      await this.finishRejected(root, processing, rejected, result.bytes);
      const { problemCount, problemCounts } = result.verdict;
      const codes = Object.keys(problemCounts).join(', ');
      log.info(account, rejected, `rejected: ${plural(problemCount, 'problem')} (${codes})`);
    }
  }

  /** SPEC 2: too large to read; its size decides, and the cause is appended in place. */
  private async rejectUnread(job: Job, file: OpenedFile, size: number): Promise<void> {
    const stage = parseStageName(job.processing)!;
    const head = await readBytes(file.handle, Math.min(HEAD_BYTES, size));
    const [last] = await readBytes(file.handle, 1, size - 1);
    const { verdict, cause } = processUnread(
      { name: `${stage.base}.ready`, size, head, endsWithLf: last === LF },
      this.options.now(),
    );
    const rejected = await this.appendInPlace(job, file, size, cause);
    const codes = verdict.problems.map((problem) => problem.code).join(', ');
    this.options.log.info(
      job.account,
      rejected,
      `rejected unread: ${size.toLocaleString('en-US')} bytes (${codes})`,
    );
  }

  /**
   * Appends a cause to a file never read whole, then renames it `.rejected`. A run stopped
   * between the two leaves the file `.processing` with its cause: the next run cuts the file
   * back to its first size before appending.
   */
  private async appendInPlace(
    job: Job,
    file: OpenedFile,
    size: number,
    cause: Uint8Array,
  ): Promise<string> {
    const root = accountRoot(this.options.layout, job.account);
    const path = this.path(job);
    if (file.size > size) await cutTo(path, size);
    await writeAt(path, cause, size);
    const rejected = finishedName(job.processing, 'rejected');
    await rename(path, join(root, rejected));
    await syncDir(root);
    return rejected;
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
    file: OpenedFile | null,
    record: Pick<RetryRecord, 'size'> | null,
  ): Promise<Outcome> {
    const { account, processing } = job;
    const { log, retry } = this.options;
    if (attempt >= retry.attempts && file !== null) {
      return this.giveUp(job, file, attempt, reason, record);
    }
    const retryAt = Date.now() + retry.intervalMs;
    const next = `${new Date(retryAt).toISOString().slice(0, 19)}Z`;
    log.warn(
      account,
      processing,
      `attempt ${attempt} of ${retry.attempts} failed: ${reason}; trying again at ${next}`,
    );
    return this.later(job, { attempts: attempt, lastError: reason, size: record?.size }, retryAt);
  }

  private async later(
    job: Job,
    record: Omit<RetryRecord, 'nextAt'>,
    retryAt: number,
  ): Promise<Outcome> {
    try {
      await this.retries.save(job.account, job.processing, { ...record, nextAt: retryAt });
    } catch (error) {
      this.options.log.error(
        job.account,
        job.processing,
        `cannot record the failed attempt: ${errorText(error)}`,
      );
    }
    return { done: false, retryAt };
  }

  /** After the last attempt: `internal-error`, the file read no further than its encoding needs. */
  private async giveUp(
    job: Job,
    file: OpenedFile,
    attempts: number,
    reason: string,
    record: Pick<RetryRecord, 'size'> | null,
  ): Promise<Outcome> {
    const { account, processing } = job;
    const { log, layout, retry, now } = this.options;
    const rejected = finishedName(processing, 'rejected');
    const stage = parseStageName(processing)!;
    const readyName = `${stage.base}.ready`;
    try {
      const size = record?.size ?? file.size;
      if (size > MAX_FILE_BYTES) {
        const problem: Problem = internalErrorProblem(attempts, reason);
        const head = await readBytes(file.handle, Math.min(HEAD_BYTES, size));
        const [last] = await readBytes(file.handle, 1, size - 1);
        await this.appendInPlace(job, file, size, unreadCause(head, last === LF, [problem], now()));
      } else {
        const bytes = await readBytes(file.handle, size);
        const out = internalErrorFile({ name: readyName, bytes }, attempts, reason, now());
        await this.finishRejected(accountRoot(layout, account), processing, rejected, out);
      }
      await this.retries.clear(account, processing).catch(() => {});
      log.error(
        account,
        rejected,
        `rejected with internal-error after ${plural(attempts, 'attempt')}: ${reason}`,
      );
      return DONE;
    } catch (error) {
      const retryAt = Date.now() + retry.intervalMs;
      log.error(
        account,
        processing,
        `attempt ${attempts} failed (${reason}), and so did writing the rejection (${errorText(error)}); trying again later`,
      );
      return this.later(
        job,
        { attempts, lastError: reason, size: record?.size ?? file.size },
        retryAt,
      );
    }
  }
}
