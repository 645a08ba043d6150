/**
 * How many times a `.processing` file was tried and failed for the server's own reasons (SPEC
 * 9), kept on disk so that a restarted server goes on counting instead of starting over. An
 * attempt is counted before it starts: one that kills the server counts too.
 */
import { mkdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { isErrno, replaceFile } from '../base/files';
import type { Layout } from './layout';

export interface RetryRecord {
  /** Attempts started, the one under way (`running`) among them. */
  attempts: number;
  lastError: string;
  /** When the next attempt is due, in milliseconds since 1970. */
  nextAt: number;
  /**
   * Written before an attempt starts and cleared when it ends: a record still `running` on
   * start is an attempt the server stopped in, killed, perhaps by the file itself.
   */
  running?: boolean;
  /** The file's size when it was first tried: a cause appended by an attempt cut short is cut off. */
  size?: number;
}

export interface RetryPolicy {
  /** Failed attempts after which the file is rejected with `internal-error`. */
  attempts: number;
  intervalMs: number;
}

/** SPEC 9: five attempts, thirty minutes apart. */
export const SPEC_RETRY: RetryPolicy = { attempts: 5, intervalMs: 30 * 60 * 1000 };

export class RetryStore {
  constructor(private readonly layout: Layout) {}

  private path(account: string, processing: string): string {
    return join(this.layout.retries, account, `${processing}.json`);
  }

  async read(account: string, processing: string): Promise<RetryRecord | null> {
    try {
      const record = JSON.parse(
        await readFile(this.path(account, processing), 'utf8'),
      ) as RetryRecord;
      return Number.isInteger(record.attempts) && record.attempts > 0 ? record : null;
    } catch {
      // Missing, or torn by a crash: counting starts over, which errs towards trying again.
      return null;
    }
  }

  async save(account: string, processing: string, record: RetryRecord): Promise<void> {
    await mkdir(join(this.layout.retries, account), { recursive: true });
    await replaceFile(
      this.path(account, processing),
      Buffer.from(JSON.stringify(record)),
      this.layout.tmp,
    );
  }

  async clear(account: string, processing: string): Promise<void> {
    await unlink(this.path(account, processing)).catch((error: unknown) => {
      if (!isErrno(error, 'ENOENT')) throw error;
    });
  }
}
