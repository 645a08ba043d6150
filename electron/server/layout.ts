/**
 * Where the emulated provider keeps things inside its data folder. Only `accounts/<user>/` is
 * reachable over FTP; the outbox, retry state and unfinished uploads sit beside it, out of every
 * account's reach, on the same file system so that moving a file between them is one rename.
 */
import { join } from 'node:path';

export interface Layout {
  dir: string;
  accounts: string;
  /** The provider's own files: the folder's lock, unfinished uploads, retry records. */
  state: string;
  outbox: string;
  /** Uploads still arriving; published into the account's folder once complete. */
  uploads: string;
  /** Files being written before a rename puts them in place. */
  tmp: string;
  /** Failed attempts per `.processing` file, so a restart keeps counting. */
  retries: string;
  tls: string;
}

export function layoutOf(dir: string): Layout {
  const state = join(dir, 'state');
  return {
    dir,
    accounts: join(dir, 'accounts'),
    state,
    outbox: join(dir, 'outbox'),
    uploads: join(state, 'uploads'),
    tmp: join(state, 'tmp'),
    retries: join(state, 'retries'),
    tls: join(dir, 'tls'),
  };
}

export function accountRoot(layout: Layout, account: string): string {
  return join(layout.accounts, account);
}
