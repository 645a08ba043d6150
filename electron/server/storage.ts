/**
 * What an account may store (issue 15): an upload is stopped past a size per file, well above
 * the 30 MiB the provider reads (so a file a little too large still arrives, and is rejected
 * `too-large` as the provider does), and an account's files together stay within a quota.
 *
 * The quota counts the account's folder when an upload starts and every upload of the account
 * under way, byte by byte as they arrive, on both servers. A file that lands in the folder
 * meanwhile is counted by the uploads that start after it: the quota may be passed by what was
 * under way at once, never by more.
 */
import type { Dirent } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { FtpRefusal } from './replies';

export interface StorageLimits {
  /** An upload is stopped and refused once it passes this many bytes. */
  maxFileBytes: number;
  /** The bytes an account's files may take together, uploads under way included. */
  quotaBytes: number;
}

const MiB = 2 ** 20;

export const DEFAULT_STORAGE: StorageLimits = { maxFileBytes: 100 * MiB, quotaBytes: 1024 * MiB };

/** FTP's 552: "requested file action aborted, exceeded storage allocation". */
const EXCEEDED = 552;

function sizeText(bytes: number): string {
  if (bytes < MiB) return `${Math.round(bytes / 1024)} KiB`;
  const mib = bytes / MiB;
  return `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB`;
}

/** One upload's share: each piece is taken before it is written. */
export interface Allowance {
  /** Counts `bytes` more; refuses them, counting nothing, if they pass a limit. */
  take(bytes: number): void;
  /** The upload ended, stored or not: its bytes are the folder's now, or nobody's. */
  end(): void;
}

export class AccountStorage {
  /** Bytes of uploads under way, per account. */
  private readonly arriving = new Map<string, number>();

  constructor(private readonly limits: StorageLimits) {}

  /** What the account's folder holds now, `replacing` (the file an upload will replace) left out. */
  private async used(root: string, replacing: string | null): Promise<number> {
    let entries: Dirent[];
    try {
      entries = await readdir(root, { withFileTypes: true });
    } catch {
      return 0;
    }
    let total = 0;
    for (const entry of entries) {
      if (!entry.isFile() || entry.name === replacing) continue;
      total += await lstat(join(root, entry.name)).then(
        (stats) => stats.size,
        () => 0,
      );
    }
    return total;
  }

  /**
   * An upload of `name` to the account's folder `root` starts, `start` bytes in (a resumed or
   * appended file). Refused at once when the account is full.
   */
  async begin(account: string, root: string, name: string, start: number): Promise<Allowance> {
    const { maxFileBytes, quotaBytes } = this.limits;
    const folder = await this.used(root, name);
    const full = () =>
      new FtpRefusal(
        `Your folder is full: its files may take ${sizeText(quotaBytes)} together. Delete files you no longer need (.success and .rejected ones) and upload again.`,
        EXCEEDED,
      );
    if (start > maxFileBytes) throw this.tooLarge();
    if (folder + (this.arriving.get(account) ?? 0) + start > quotaBytes) throw full();
    let mine = 0;
    const count = (bytes: number) => {
      mine += bytes;
      this.arriving.set(account, (this.arriving.get(account) ?? 0) + bytes);
    };
    count(start);
    let ended = false;
    return {
      take: (bytes) => {
        if (mine + bytes > maxFileBytes) throw this.tooLarge();
        if (folder + (this.arriving.get(account) ?? 0) + bytes > quotaBytes) throw full();
        count(bytes);
      },
      end: () => {
        if (ended) return;
        ended = true;
        const left = (this.arriving.get(account) ?? 0) - mine;
        if (left > 0) this.arriving.set(account, left);
        else this.arriving.delete(account);
      },
    };
  }

  private tooLarge(): FtpRefusal {
    return new FtpRefusal(
      `The file is larger than ${sizeText(this.limits.maxFileBytes)}, the most this server stores: nothing was stored. The provider reads files up to 30 MiB: split it into files of 10,000 rows.`,
      EXCEEDED,
    );
  }
}
