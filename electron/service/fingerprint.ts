/**
 * A send's fingerprint: its messages as a multiset, whatever their order or the files they were
 * split into. Each message is hashed from a canonical encoding of what the provider queues
 * (number, text, sender, class, reference: SPEC 6 and 9), the hashes are sorted, and the sorted
 * list is what is kept and compared:
 *
 * - the fingerprint of a batch or a campaign is the SHA-256 of its sorted hashes, so reordering
 *   the rows, or splitting them into other files, gives the same campaign fingerprint;
 * - two sorted lists are merged to count the messages they share (with repeats: a message sent
 *   twice before and once now is one shared message), which is how a partial overlap is told.
 *
 * Each message's hash is cut to 16 bytes (128 bits): what is kept on disk for every message
 * sent is then 16 bytes, and two different messages meeting by chance among billions would take
 * far longer than the age of the universe.
 */
import { createHash, hash } from 'node:crypto';
import { queuedClass, trimSpaces } from '../../core/values';

export const HASH_BYTES = 16;

/** A message as the provider queues it: what two sends must agree on to be the same message. */
export interface CanonicalMessage {
  msisdn: string;
  message: string;
  sender: string;
  class: string;
  userref: string;
}

/** A message of the app (optional fields) as the provider will queue it. */
export function canonical(message: {
  msisdn: string;
  message: string;
  sender?: string;
  class?: string;
  userref?: string;
}): CanonicalMessage {
  return {
    msisdn: trimSpaces(message.msisdn),
    message: message.message,
    sender: message.sender ?? '',
    class: queuedClass(message.class ?? ''),
    userref: message.userref ?? '',
  };
}

/**
 * The message's hash, as a string of HASH_BYTES characters (one per byte, as latin1 reads
 * them): strings sort natively, ten times faster than buffers compared one pair at a time. The
 * canonical encoding is a JSON array of the five strings, so no two different messages encode
 * alike (a field's end can never be taken for the next one's start).
 */
export function messageKey(message: CanonicalMessage): string {
  const encoded = JSON.stringify([
    message.msisdn,
    message.message,
    message.sender,
    message.class,
    message.userref,
  ]);
  return hash('sha256', encoded, 'binary').slice(0, HASH_BYTES);
}

function compareAt(a: Uint8Array, i: number, b: Uint8Array, j: number): number {
  const x = i * HASH_BYTES;
  const y = j * HASH_BYTES;
  for (let k = 0; k < HASH_BYTES; k++) {
    const d = a[x + k]! - b[y + k]!;
    if (d !== 0) return d;
  }
  return 0;
}

/** A multiset of message hashes, sorted: `count` hashes of HASH_BYTES, one after the other. */
export class MessageHashes {
  private constructor(readonly bytes: Uint8Array) {}

  get count(): number {
    return this.bytes.length / HASH_BYTES;
  }

  static of(messages: Iterable<CanonicalMessage>): MessageHashes {
    const keys: string[] = [];
    for (const message of messages) keys.push(messageKey(message));
    keys.sort();
    const bytes = Buffer.allocUnsafe(keys.length * HASH_BYTES);
    for (let i = 0; i < keys.length; i++) bytes.write(keys[i]!, i * HASH_BYTES, 'latin1');
    return new MessageHashes(bytes);
  }

  /** Sorted hashes read back from disk; null when the bytes are not such a list. */
  static read(bytes: Uint8Array): MessageHashes | null {
    if (bytes.length % HASH_BYTES !== 0) return null;
    for (let i = 1; i < bytes.length / HASH_BYTES; i++)
      if (compareAt(bytes, i - 1, bytes, i) > 0) return null;
    return new MessageHashes(bytes);
  }

  /**
   * Several lists as one (the batches of a campaign), merged two by two in rounds: each hash is
   * copied once a round, log2 of the lists' number of times, where merging each list into the
   * whole so far copied the first file's hashes once for every file after it (11 files of the
   * whole sheet: 66 copies of a file's hashes instead of 44).
   */
  static merge(lists: readonly MessageHashes[]): MessageHashes {
    if (lists.length === 0) return new MessageHashes(new Uint8Array(0));
    let round = [...lists];
    while (round.length > 1) {
      const next: MessageHashes[] = [];
      for (let i = 0; i < round.length; i += 2) {
        const [a, b] = [round[i]!, round[i + 1]];
        next.push(b === undefined ? a : a.plus(b));
      }
      round = next;
    }
    return round[0]!;
  }

  private plus(other: MessageHashes): MessageHashes {
    const a = this.bytes;
    const b = other.bytes;
    const out = new Uint8Array(a.length + b.length);
    let i = 0;
    let j = 0;
    let k = 0;
    const n = this.count;
    const m = other.count;
    while (i < n || j < m) {
      const fromA = j >= m || (i < n && compareAt(a, i, b, j) <= 0);
      const source = fromA ? a : b;
      const from = (fromA ? i++ : j++) * HASH_BYTES;
      const to = k++ * HASH_BYTES;
      // A loop of 16: a subarray made for each hash cost more than the copy.
      for (let x = 0; x < HASH_BYTES; x++) out[to + x] = source[from + x]!;
    }
    return new MessageHashes(out);
  }

  /** SHA-256 of the sorted hashes, in hex: the same for the same messages, in any order or split. */
  fingerprint(): string {
    return createHash('sha256').update(this.bytes).digest('hex');
  }

  /**
   * Pairs the hashes of `other` with these, one copy with one position, skipping positions
   * `matched` marks already (paired with a list before): answers how many it newly paired. A
   * merge of two sorted lists, so time is the sum of their lengths. Called for several lists
   * with one `matched`, it tells how many of these messages any of them holds, repeats counted:
   * a message here twice and in two earlier lists once each is two shared messages.
   */
  countIn(other: MessageHashes, matched: Uint8Array): number {
    const a = this.bytes;
    const b = other.bytes;
    const n = this.count;
    const m = other.count;
    let i = 0;
    let j = 0;
    let found = 0;
    while (i < n && j < m) {
      const d = compareAt(a, i, b, j);
      if (d < 0) i++;
      else if (d > 0) j++;
      else {
        // Equal hashes sit together in both lists.
        let endA = i + 1;
        while (endA < n && compareAt(a, endA, a, i) === 0) endA++;
        let endB = j + 1;
        while (endB < m && compareAt(b, endB, b, j) === 0) endB++;
        let copies = endB - j;
        for (let p = i; p < endA && copies > 0; p++) {
          if (matched[p] !== 0) continue;
          matched[p] = 1;
          copies--;
          found++;
        }
        i = endA;
        j = endB;
      }
    }
    return found;
  }

  /** How many of these messages `other` holds too, counting repeats (a multiset intersection). */
  shared(other: MessageHashes): number {
    return this.countIn(other, new Uint8Array(this.count));
  }
}
