/**
 * The verdict as JSON (`sendsheet check --json`), written from the rows as check reads them:
 * the bytes of `JSON.stringify(verdict)` in UTF-8, without a Message object per row or one
 * string of the whole text. A 30 MiB file has about 290,000 messages, 60 MiB of JSON: built as
 * objects and then one string, that cost four times the check itself and a gigabyte of memory,
 * most of it the collector's work.
 */
import { inspectFile } from './check';
import type { CheckOptions, Decision, UploadedFile } from './check';
import type { MessageSink } from './message-sink';
import { documentedProblem } from './problems';
import type { Segments } from './segments';
import { queuedClass, trimSpaces } from './values';

/** Bytes are written in chunks of this size (or one character's worst case, 3 bytes a unit). */
const CHUNK_BYTES = 1 << 20;
/** Text is encoded to bytes whenever this much is waiting: one call instead of thousands. */
const ENCODE_AT = 1 << 15;
/**
 * The messages' text kept while the file is checked, at most: the verdict's other fields come
 * first and are known only at the end. A 30 MiB file of ordinary messages makes about 60 MiB;
 * past this (a file of millions of tiny rows), the text is dropped and the rows read again
 * after the verdict is written, each chunk written as it fills.
 */
export const KEPT_JSON_BYTES = 128 * 1024 * 1024;

/** What JSON.stringify writes other than the string itself between quotes. */
// eslint-disable-next-line no-control-regex -- the control characters are what JSON escapes
const NEEDS_ESCAPE = /[\u0000-\u001f"\\\ud800-\udfff]/;

/** `JSON.stringify(text)`, without its call for the strings that need no escape (nearly all). */
function quoted(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/**
 * Messages as the elements of a JSON array, comma-separated, in UTF-8 chunks: kept (up to
 * `keepLimit` bytes, then dropped and `overflowed`), or each handed to `write` as it fills.
 * The text of many messages is joined and then encoded at once: V8 joins and encodes strings
 * natively, far faster than a loop over each character here.
 */
export class JsonMessages implements MessageSink {
  count = 0;
  /** More than `keepLimit` bytes were given: what was kept is dropped, and nothing more kept. */
  overflowed = false;
  #text = '';
  #chunk = new Uint8Array(CHUNK_BYTES);
  #used = 0;
  readonly #kept: Uint8Array[] = [];
  #keptBytes = 0;
  readonly #encoder = new TextEncoder();

  constructor(
    private readonly write: ((bytes: Uint8Array) => void) | null,
    private readonly keepLimit = KEPT_JSON_BYTES,
  ) {}

  add(
    row: number,
    rawMsisdn: string,
    message: string,
    sender: string,
    cls: string,
    userref: string,
    segments: Segments,
  ): void {
    if (this.overflowed) {
      this.count++;
      return;
    }
    // The keys in messageOf's order, as JSON.stringify writes a Message.
    this.#text += `${this.count++ === 0 ? '' : ','}{"row":${row},"msisdn":${quoted(trimSpaces(rawMsisdn))},"message":${quoted(message)},"sender":${quoted(sender)},"class":${quoted(queuedClass(cls))},"userref":${quoted(userref)},"encoding":"${segments.encoding}","parts":${segments.parts}}`;
    if (this.#text.length >= ENCODE_AT) this.#encode();
  }

  /** Forgets the messages not yet written (check clears only a sink that keeps them). */
  clear(): void {
    this.count = 0;
    this.overflowed = false;
    this.#text = '';
    this.#kept.length = 0;
    this.#keptBytes = 0;
    this.#used = 0;
  }

  /** After the last message: the kept chunks (none when written or overflowed), in order. */
  end(): Uint8Array[] {
    this.#encode();
    this.#hand();
    return this.#kept.splice(0);
  }

  #encode(): void {
    const text = this.#text;
    this.#text = '';
    if (text === '' || this.overflowed) return;
    // A UTF-16 unit takes 3 bytes at most in UTF-8 (a surrogate pair, 4 for its two).
    if (this.#used + text.length * 3 > this.#chunk.length) this.#next(text.length * 3);
    this.#used += this.#encoder.encodeInto(text, this.#chunk.subarray(this.#used)).written;
  }

  /** Starts a chunk with room for `room` bytes, keeping or writing the one filled. */
  #next(room: number): void {
    this.#hand();
    // A fresh chunk each time: `write` may hold the one it was given until it is written.
    this.#chunk = new Uint8Array(Math.max(CHUNK_BYTES, room));
  }

  /** Keeps or writes what the chunk holds. */
  #hand(): void {
    const filled = this.#chunk.subarray(0, this.#used);
    this.#used = 0;
    if (filled.length === 0) return;
    if (this.write !== null) {
      this.write(filled);
      return;
    }
    this.#keptBytes += filled.length;
    if (this.#keptBytes > this.keepLimit) {
      this.overflowed = true;
      this.#kept.length = 0;
    } else {
      this.#kept.push(filled);
    }
  }
}

/**
 * Checks `file` and writes its verdict with every message as one line of JSON: exactly the
 * bytes of `JSON.stringify({ ...lead, ...checkFile(file) }) + '\n'` in UTF-8, in chunks, its
 * problems as documented (`documentedProblem`).
 * `lead`: fields written before the verdict's own (the command puts the file's name there).
 */
export function writeVerdictJson(
  file: UploadedFile,
  options: CheckOptions,
  write: (bytes: Uint8Array) => void,
  lead: Record<string, string> = {},
  keepLimit = KEPT_JSON_BYTES,
): Decision {
  const kept = new JsonMessages(null, keepLimit);
  const inspection = inspectFile(file, { ...options, keepMessages: kept });
  const { decision } = inspection;
  const encoder = new TextEncoder();
  const head = JSON.stringify({
    ...lead,
    ...decision,
    problems: decision.problems.map(documentedProblem),
  });
  write(encoder.encode(`${head.slice(0, -1)},"messages":[`));
  const chunks = kept.end();
  if (kept.overflowed) {
    const streamed = new JsonMessages(write);
    inspection.messagesInto(streamed);
    streamed.end();
  } else {
    for (const chunk of chunks) write(chunk);
  }
  write(encoder.encode(']}\n'));
  return decision;
}
