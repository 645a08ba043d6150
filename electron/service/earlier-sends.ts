/**
 * The earlier sends that hold some of a send's messages, read from the history and each batch's
 * kept hashes (batch-files.ts). What counts is what may have reached, or may yet reach, the
 * people: a batch sent (the provider took the file), one in flight, or one whose outcome is not
 * known. A batch rejected, cancelled or not sent sent nothing, and a test to the person's own
 * number is never held against a campaign.
 *
 * A batch left `uploading` by a process that is gone, or of unknown outcome, is not sent again
 * but taken up (resumable): the servers are asked first, and it is finished only if they do not
 * have it.
 */
import type { Batch, EarlierSend, Standing } from '../../core/contract/api';
import type { BatchFiles } from './batch-files';
import type { MessageHashes } from './fingerprint';

const DONE = new Set(['success', 'timed-out', 'vanished']);
const HANDED_OVER = new Set(['ready', 'processing']);

/**
 * Who carries a batch: a live process (`live`), one that is gone without letting go of it
 * (`lost`: killed, or the machine stopped), or nobody (`none`: let go on purpose, or finished).
 */
export type Carriage = 'live' | 'lost' | 'none';

/** How a batch stands for a later send of its messages; null when it sent nothing. */
export function standingOf(batch: Batch, carriage: Carriage): Standing | null {
  if (batch.test) return null;
  if (DONE.has(batch.state)) return 'sent';
  if (HANDED_OVER.has(batch.state)) return carriage === 'live' ? 'sending' : 'sent';
  if (batch.state === 'uploading') return carriage === 'live' ? 'sending' : 'unknown';
  if (batch.state === 'unknown') return 'unknown';
  return null;
}

/**
 * Whether a later send of exactly its messages takes it up rather than sending anew: a batch
 * of unknown outcome, one left uploading by a process that is gone, or one on the servers whose
 * process was interrupted while following it. (One let go of on purpose, as `sendsheet send`
 * does at `.ready` without --follow, was sent: sending it again is asked for with --again.)
 */
export function isResumable(batch: Batch, carriage: Carriage): boolean {
  if (batch.test) return false;
  if (batch.state === 'unknown') return true;
  if (batch.state === 'uploading') return carriage !== 'live';
  return HANDED_OVER.has(batch.state) && carriage === 'lost';
}

export interface Earlier {
  /** How many of the send's messages earlier sends hold, repeats counted. */
  overlap: number;
  /** By campaign, the latest first. */
  earlier: EarlierSend[];
}

/** The campaigns named in an answer: the latest ones, where a list has been sent many times. */
const MAX_CAMPAIGNS = 20;

const STANDING_RANK: Record<Standing, number> = { sent: 0, sending: 1, unknown: 2 };

/**
 * Counts the send's messages that earlier batches hold, and by which campaigns; `skip` are the
 * batches the send takes up.
 */
export async function findEarlier(
  hashes: MessageHashes,
  batches: readonly Batch[],
  files: BatchFiles,
  carriage: (batch: Batch) => Carriage,
  skip: ReadonlySet<string> = new Set(),
): Promise<Earlier> {
  const matched = new Uint8Array(hashes.count);
  let overlap = 0;
  const campaigns = new Map<string, { send: EarlierSend; matched: Uint8Array }>();
  for (const batch of batches) {
    if (skip.has(batch.id)) continue;
    const standing = standingOf(batch, carriage(batch));
    if (standing === null) continue;
    const theirs = await files.hashes(batch.id);
    if (theirs === null) continue;
    if (hashes.shared(theirs) === 0) continue;
    overlap += hashes.countIn(theirs, matched);
    let campaign = campaigns.get(batch.campaign);
    if (campaign === undefined) {
      campaign = {
        send: {
          campaign: batch.campaign,
          batches: [],
          at: batch.times.uploading ?? '',
          messages: 0,
          standing,
          practice: batch.practice,
        },
        matched: new Uint8Array(hashes.count),
      };
      campaigns.set(batch.campaign, campaign);
    }
    const { send } = campaign;
    send.batches.push({
      id: batch.id,
      fileName: batch.fileName,
      uploadName: batch.uploadName,
      state: batch.state,
    });
    send.messages += hashes.countIn(theirs, campaign.matched);
    const at = batch.times.uploading ?? '';
    if (at !== '' && (send.at === '' || at < send.at)) send.at = at;
    // The campaign stands as its least certain batch: one unknown makes it unknown.
    if (STANDING_RANK[standing] > STANDING_RANK[send.standing]) send.standing = standing;
  }
  const earlier = [...campaigns.values()]
    .map(({ send }) => send)
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
    .slice(0, MAX_CAMPAIGNS);
  for (const send of earlier) send.batches.sort((a, b) => a.fileName.localeCompare(b.fileName));
  return { overlap, earlier };
}

/**
 * For each file of a send (its hashes), the resumable batch of exactly its messages, with the
 * same profile, or null. Each earlier batch is taken up by one file at most.
 */
export async function findResumable(
  fileHashes: readonly MessageHashes[],
  profile: string,
  batches: readonly Batch[],
  files: BatchFiles,
  carriage: (batch: Batch) => Carriage,
): Promise<(string | null)[]> {
  const wanted = new Map<string, number[]>();
  fileHashes.forEach((hashes, index) => {
    const fingerprint = hashes.fingerprint();
    wanted.set(fingerprint, [...(wanted.get(fingerprint) ?? []), index]);
  });
  const result: (string | null)[] = fileHashes.map(() => null);
  for (const batch of batches) {
    if (batch.profile !== profile || !isResumable(batch, carriage(batch))) continue;
    const theirs = await files.hashes(batch.id);
    // One still to upload needs its file; one on the servers is only followed.
    if (theirs === null) continue;
    if (!HANDED_OVER.has(batch.state) && !(await files.hasBytes(batch.id))) continue;
    const waiting = wanted.get(theirs.fingerprint());
    const index = waiting?.shift();
    if (index !== undefined) result[index] = batch.id;
  }
  return result;
}
