/**
 * The emulated provider's message queue (SPEC 9): every message of an accepted file, recorded
 * where the app and tests can read it. A batch is one file, named after the file's
 * `NAME.STAMP`, written whole and once: a retried or restarted run finds it there and does not
 * queue it again.
 */
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { QueuedMessage } from '../../core/contract/test-controls';
import type { Message } from '../../core/values';
import { createFileOnce, isErrno } from '../base/files';
import { layoutOf } from './layout';

/** One queued message, with its account and batch: the controls' `outbox` answers these. */
export type OutboxRecord = QueuedMessage;

const EXTENSION = '.jsonl';

function batchFile(outboxDir: string, account: string, batch: string): string {
  return join(outboxDir, account, `${batch}${EXTENSION}`);
}

/** What a line of a batch file holds: a record without the account and batch its path gives. */
type StoredRecord = Omit<OutboxRecord, 'account' | 'batch'>;

/** Lines are handed to the file in pieces of about this many characters, never as one huge string. */
const CHUNK_CHARS = 1 << 20;

/** Text that JSON writes as it is, between quotes: most values, and every validated one. */
// eslint-disable-next-line no-control-regex -- the control characters are what JSON must escape
const PLAIN = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

function quoted(value: string): string {
  return PLAIN.test(value) ? `"${value}"` : JSON.stringify(value);
}

/**
 * One JSON object a line: easy to stream and to read with any tool. Written out key by key, as
 * a 250,000-row batch otherwise spends most of its time in generic serialization. The messages
 * come in pieces and leave as text in pieces: neither is ever held whole.
 */
function* encodeBatch(pieces: Iterable<readonly Message[]>): Generator<string> {
  let text = '';
  for (const messages of pieces) {
    for (const m of messages) {
      text += `{"row":${m.row},"msisdn":${quoted(m.msisdn)},"message":${quoted(m.message)},"sender":${quoted(m.sender)},"class":${quoted(m.class)},"userref":${quoted(m.userref)},"encoding":${quoted(m.encoding)},"parts":${m.parts}}\n`;
      if (text.length >= CHUNK_CHARS) {
        yield text;
        text = '';
      }
    }
  }
  yield text;
}

/** Whether a batch of this name was queued already. */
export async function batchExists(
  outboxDir: string,
  account: string,
  batch: string,
): Promise<boolean> {
  return stat(batchFile(outboxDir, account, batch)).then(
    () => true,
    (error: unknown) => (isErrno(error, 'ENOENT') ? false : Promise.reject(error)),
  );
}

/**
 * Queues a batch, its messages given in pieces (read once, as they are written): 'queued', or
 * 'already' when an earlier run queued it.
 */
export async function commitBatch(
  outboxDir: string,
  tmpDir: string,
  account: string,
  batch: string,
  pieces: Iterable<readonly Message[]>,
): Promise<'queued' | 'already'> {
  const path = batchFile(outboxDir, account, batch);
  if (await batchExists(outboxDir, account, batch)) return 'already';
  await mkdir(join(outboxDir, account), { recursive: true });
  const created = await createFileOnce(path, encodeBatch(pieces), tmpDir);
  return created ? 'queued' : 'already';
}

/** The stamp, then the name: batches in the order they were processed. */
function batchOrder(a: string, b: string): number {
  const stamp = (batch: string) => batch.slice(batch.lastIndexOf('.') + 1);
  return stamp(a) < stamp(b) ? -1 : stamp(a) > stamp(b) ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

async function readAccount(outboxDir: string, account: string): Promise<OutboxRecord[]> {
  let names: string[];
  try {
    names = await readdir(join(outboxDir, account));
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return [];
    throw error;
  }
  const batches = names
    .filter((name) => name.endsWith(EXTENSION) && !name.startsWith('.'))
    .map((name) => name.slice(0, -EXTENSION.length))
    .sort(batchOrder);
  const records: OutboxRecord[] = [];
  for (const batch of batches) {
    const text = await readFile(batchFile(outboxDir, account, batch), 'utf8');
    for (const line of text.split('\n')) {
      if (line !== '') records.push({ account, batch, ...(JSON.parse(line) as StoredRecord) });
    }
  }
  return records;
}

/**
 * Every queued message of one account, or of all accounts, batch by batch in the order they
 * were processed, rows in file order. `dataDir` is the provider's data folder.
 */
export async function readOutbox(dataDir: string, account?: string): Promise<OutboxRecord[]> {
  const outboxDir = layoutOf(dataDir).outbox;
  if (account !== undefined) return readAccount(outboxDir, account);
  let accounts: string[];
  try {
    accounts = (await readdir(outboxDir)).sort();
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return [];
    throw error;
  }
  const all: OutboxRecord[] = [];
  for (const name of accounts)
    for (const record of await readAccount(outboxDir, name)) all.push(record);
  return all;
}
