/**
 * The life cycle of a file on the provider's server (SPEC 1, 8 and 9):
 *
 *     NAME.ready -> NAME.STAMP.processing -> NAME.STAMP.success | NAME.STAMP.rejected
 *
 * The rename to `.processing` is the claim: of every server and process that sees a `.ready`
 * file, exactly one rename succeeds, and the others find the file gone and do nothing. What
 * happens after the claim can be repeated: the batch is queued under the file's own name, once,
 * and a run killed half-way is picked up again from the `.processing` file on the next start.
 * This file notices and claims files and keeps the queue; processing-run.ts processes one.
 */
import { watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import { lstat, readdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseStageName, processingName } from '../../core/names';
import type { Faults } from './faults';
import { isErrno } from '../base/files';
import { accountRoot } from './layout';
import type { Layout } from './layout';
import type { Logger } from './log';
import { batchExists } from './outbox';
import { ProcessingRun } from './processing-run';
import type { Job } from './processing-run';
import { RetryStore } from './retries';
import type { RetryPolicy } from './retries';
import { errorText } from '../../core/contract/errors';

export interface ProcessorOptions {
  layout: Layout;
  accounts: readonly string[];
  log: Logger;
  /** The clock for stamps and causes. */
  now: () => Date;
  retry: RetryPolicy;
  /** How often every folder is listed, in case a change was not seen. */
  scanIntervalMs: number;
  faults: Faults | null;
  /** Awaited between two pieces of a file's check; default: the event loop's next turn. */
  pause?: () => Promise<void>;
}

/** Whether a name is taken in the folder, by a file of any kind. */
async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    (error: unknown) => (isErrno(error, 'ENOENT') ? false : Promise.reject(error)),
  );
}

function key(account: string, name: string): string {
  return `${account}/${name}`;
}

/** The next whole second after `at`: a stamp that is free again. */
function nextSecond(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 1000) * 1000 + 1000);
}

export class Processor {
  private readonly retries: RetryStore;
  private readonly run: ProcessingRun;
  /** Claims under way, and whether another notice came in meanwhile. */
  private readonly claims = new Map<string, { again: boolean; done: Promise<void> }>();
  /** `.processing` files queued, running or waiting for a retry. */
  private readonly scheduled = new Set<string>();
  private readonly queue: Job[] = [];
  private running: Promise<void> | null = null;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly watchers: FSWatcher[] = [];
  private scanTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private idleWaiters: (() => void)[] = [];
  /** Names in the folders that are not regular files, warned about once. */
  private readonly leftAlone = new Set<string>();

  constructor(private readonly options: ProcessorOptions) {
    this.retries = new RetryStore(options.layout);
    this.run = new ProcessingRun(options, this.retries);
  }

  /** Picks up what a previous run left `.processing`, then every `.ready` file, then watches. */
  async start(): Promise<void> {
    for (const account of this.options.accounts) await this.resume(account);
    for (const account of this.options.accounts) this.watch(account);
    await this.scan();
    this.scanTimer = setInterval(() => void this.scan(), this.options.scanIntervalMs);
    this.scanTimer.unref();
  }

  /** A file in an account's folder got `name`: when it is a `.ready` name, process it. */
  notice(account: string, name: string): void {
    if (this.closed || parseStageName(name)?.stage !== 'ready') return;
    const id = key(account, name);
    const claim = this.claims.get(id);
    if (claim) {
      // A new file may have taken the name after this claim renamed the old one away.
      claim.again = true;
      return;
    }
    const entry = { again: false, done: Promise.resolve() };
    entry.done = (async () => {
      do {
        entry.again = false;
        try {
          await this.claim(account, name);
        } catch (error) {
          this.options.log.error(account, name, `could not start processing: ${errorText(error)}`);
        }
      } while (entry.again && !this.closed);
      this.claims.delete(id);
      this.settle();
    })();
    this.claims.set(id, entry);
  }

  /** Resolves once nothing is being claimed, queued or processed (retries waiting aside). */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Stops watching and waits for the file being processed; what is still queued stays
   * `.processing` on disk and is picked up on the next start.
   */
  async close(): Promise<void> {
    this.closed = true;
    if (this.scanTimer) clearInterval(this.scanTimer);
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const watcher of this.watchers) watcher.close();
    this.queue.length = 0;
    await Promise.all([...this.claims.values()].map((claim) => claim.done));
    await this.running;
    this.settle();
  }

  private isIdle(): boolean {
    return this.claims.size === 0 && this.queue.length === 0 && this.running === null;
  }

  private settle(): void {
    if (!this.isIdle()) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private watch(account: string): void {
    try {
      const watcher = watch(accountRoot(this.options.layout, account), (_event, name) => {
        if (name) this.notice(account, name.toString());
      });
      watcher.on('error', (error) => {
        this.options.log.warn(
          account,
          null,
          `stopped watching the folder (${error.message}); it is still listed every few seconds`,
        );
        watcher.close();
      });
      this.watchers.push(watcher);
    } catch (error) {
      this.options.log.warn(
        account,
        null,
        `cannot watch the folder (${errorText(error)}); it is listed every few seconds instead`,
      );
    }
  }

  private async scan(): Promise<void> {
    for (const account of this.options.accounts) {
      if (this.closed) return;
      try {
        for (const name of await readdir(accountRoot(this.options.layout, account))) {
          this.notice(account, name);
        }
      } catch (error) {
        this.options.log.warn(account, null, `cannot list the folder: ${errorText(error)}`);
      }
    }
  }

  /**
   * Claims a `.ready` file by renaming it to `.processing`: the rename is the one step that
   * makes it so, whole or not at all, and nothing else of the file ever appears in the folder.
   * Its stamp is one that no file of this name is processing, nor any batch was queued under,
   * so two uploads of one name in the same second never share a stamp, nor a batch. Losing the
   * race to another claim is no error. Only a regular file is claimed: a FIFO or a device is
   * never opened, a folder or a link never processed.
   */
  private async claim(account: string, readyName: string): Promise<void> {
    const { layout, log, now } = this.options;
    const root = accountRoot(layout, account);
    const ready = join(root, readyName);
    const stats = await lstat(ready).catch((error: unknown) =>
      isErrno(error, 'ENOENT') ? null : Promise.reject(error),
    );
    if (stats === null) return;
    if (!stats.isFile()) {
      this.leaveAlone(account, readyName);
      return;
    }
    let at = now();
    for (;;) {
      const processing = processingName(readyName, at);
      const stage = parseStageName(processing)!;
      const taken =
        (await exists(join(root, processing))) ||
        (await batchExists(layout.outbox, account, `${stage.base}.${stage.stamp}`));
      if (!taken) {
        try {
          await rename(ready, join(root, processing));
        } catch (error) {
          if (isErrno(error, 'ENOENT')) return; // claimed by another server, or deleted
          throw error;
        }
        log.info(account, processing, `processing ${readyName}`);
        this.enqueue({ account, processing }, 0);
        return;
      }
      // A file of this name took this second's stamp: processing starts in the next one.
      at = nextSecond(at);
      const wait = at.getTime() - now().getTime();
      if (wait > 0) await sleep(wait);
    }
  }

  /** A name the server does not process, said once. */
  private leaveAlone(account: string, name: string): void {
    const id = key(account, name);
    if (this.leftAlone.has(id)) return;
    this.leftAlone.add(id);
    this.options.log.warn(account, name, 'not a regular file: left alone, never processed');
  }

  private async resume(account: string): Promise<void> {
    const root = accountRoot(this.options.layout, account);
    for (const name of await readdir(root)) {
      if (parseStageName(name)?.stage !== 'processing') continue;
      const record = await this.retries.read(account, name);
      this.options.log.info(account, name, 'resuming: the server stopped while processing it');
      // A failed attempt waits its interval, this run's interval if that is shorter.
      const due = record ? Math.min(record.nextAt, Date.now() + this.options.retry.intervalMs) : 0;
      this.enqueue({ account, processing: name }, due);
    }
  }

  private enqueue(job: Job, notBefore: number): void {
    const id = key(job.account, job.processing);
    if (this.closed || this.scheduled.has(id)) return;
    this.scheduled.add(id);
    this.later(job, notBefore);
  }

  private later(job: Job, notBefore: number): void {
    const wait = notBefore - Date.now();
    if (wait <= 0) {
      this.queue.push(job);
      this.pump();
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.queue.push(job);
      this.pump();
    }, wait);
    this.timers.add(timer);
  }

  /** One file at a time: checking is CPU work, and one 30 MiB file at a time bounds memory. */
  private pump(): void {
    if (this.running || this.closed) return;
    const job = this.queue.shift();
    if (!job) {
      this.settle();
      return;
    }
    this.running = (async () => {
      const outcome = await this.run.process(job);
      if (outcome.done || this.closed) this.scheduled.delete(key(job.account, job.processing));
      else this.later(job, outcome.retryAt);
    })().finally(() => {
      this.running = null;
      this.pump();
    });
  }
}
