/**
 * The verdict as JSON (`sendsheet check --json`), written from the rows as check reads them:
 * the bytes of `JSON.stringify(verdict)` in UTF-8, without a Message object per row or one
 * string of the whole text. A 30 MiB file has about 290,000 messages, 60 MiB of JSON: built as
 * objects and then one string, that cost four times the check itself and a gigabyte of memory,
 * most of it the collector's work.
 */
import { inspectFile } from './check';
import type { CheckOptions, Decision, UploadedFile } from './check';
import type { MessageSink, SourceText } from './message-sink';
import {
  isCount,
  JsonBytes,
  MOST_BYTES_PER_UNIT,
  MOST_COUNT_DIGITS,
  putBytes,
  putNumber,
  putStringBody,
  putWindows1252Body,
} from './json-bytes';
import { documentedProblem } from './problems';
import type { SmsEncoding } from './segments';
import { queuedClass, trimSpaces } from './values';
import type { RawRow } from './values';
import { PENDING_C1_CODE_POINTS } from './windows1252';

/**
 * The messages' JSON kept while the file is checked, at most: the verdict's other fields come
 * first and are known only at the end. A 30 MiB file of ordinary messages makes about 60 MiB;
 * past this (a file of millions of tiny rows), the bytes are dropped and the rows read again
 * after the verdict is written, each chunk written as it fills.
 */
export const KEPT_JSON_BYTES = 128 * 1024 * 1024;

const utf8 = new TextEncoder();
// The keys in messageOf's order, as JSON.stringify writes a Message, each with the punctuation
// around it: a message is these parts and its values, in turn.
const ROW = utf8.encode('{"row":');
const NEXT_ROW = utf8.encode(',{"row":');
const MSISDN = utf8.encode(',"msisdn":"');
const MESSAGE = utf8.encode('","message":"');
const SENDER = utf8.encode('","sender":"');
const CLASS = utf8.encode('","class":"');
const USERREF = utf8.encode('","userref":"');
const ENCODING: Record<SmsEncoding, Uint8Array> = {
  'GSM-7': utf8.encode('","encoding":"GSM-7","parts":'),
  'UCS-2': utf8.encode('","encoding":"UCS-2","parts":'),
};
const END = utf8.encode('}');
/** The most bytes of a message but its values' (the longest of each part). */
const FIXED_BYTES =
  NEXT_ROW.length +
  MSISDN.length +
  MESSAGE.length +
  SENDER.length +
  CLASS.length +
  USERREF.length +
  ENCODING['UCS-2'].length +
  END.length +
  2 * MOST_COUNT_DIGITS;
/** A message of more units than this is written a block at a time (JsonBytes.stringBody). */
const IN_ONE_GO_UNITS = 1 << 16;

/** Where `trimmed`, trimSpaces of `raw`, stands in the source when `raw` stands at `start`. */
function trimmedStart(raw: string, trimmed: string, start: number): number {
  if (start < 0 || trimmed === raw) return start;
  let lead = 0;
  while (raw.charCodeAt(lead) === 0x20) lead++;
  return start + lead;
}

/**
 * Messages as the elements of a JSON array, comma-separated, in UTF-8 chunks: kept (up to
 * `keepLimit` bytes, then dropped and `overflowed`), or each handed to `write` as it fills.
 * Each value is escaped and encoded into the chunk as it comes (json-bytes.ts), with no string
 * made for a message.
 */
export class JsonMessages implements MessageSink {
  count = 0;
  /** More than `keepLimit` bytes were given: what was kept is dropped, and nothing more kept. */
  overflowed = false;
  readonly #kept: Uint8Array[] = [];
  #keptBytes = 0;
  readonly #out: JsonBytes;
  /** The text check reads, once it has said so (readsInPlace). */
  #source: string | null = null;
  /** Its bytes, one a character (Windows-1252), or null. */
  #bytes: Uint8Array | null = null;
  /** The code points of a pending text's units, when check gives its values unresolved. */
  #codePoints: Uint16Array | null = null;

  constructor(
    private readonly write: ((bytes: Uint8Array) => void) | null,
    private readonly keepLimit = KEPT_JSON_BYTES,
  ) {
    this.#out = new JsonBytes((filled) => this.#hand(filled));
  }

  /**
   * Reading in place costs less than the values' own slices, and resolving Windows-1252's
   * 0x80-0x9F costs nothing here, where each character is encoded anyway.
   */
  readsInPlace(source: SourceText): boolean {
    this.#source = source.text;
    this.#bytes = source.bytes;
    this.#codePoints = source.pendingC1 ? PENDING_C1_CODE_POINTS : null;
    return true;
  }

  add(raw: RawRow, starts?: readonly number[]): void {
    const { row, msisdn: rawMsisdn, message, sender, class: cls, userref, segments } = raw;
    if (this.overflowed) {
      this.count++;
      return;
    }
    const out = this.#out;
    const msisdn = trimSpaces(rawMsisdn);
    const queued = queuedClass(cls);
    const units = msisdn.length + message.length + sender.length + queued.length + userref.length;
    const encoding = ENCODING[segments.encoding];
    const first = this.count++ === 0;
    const inPlace = starts !== undefined && this.#source !== null;
    // Where each value stands in the source, or -1 (a value of its own).
    const at0 = inPlace ? trimmedStart(rawMsisdn, msisdn, starts[0]!) : -1;
    const at1 = inPlace ? starts[1]! : -1;
    const at2 = inPlace ? starts[2]! : -1;
    const at3 = inPlace && queued === cls ? starts[3]! : -1;
    const at4 = inPlace ? starts[4]! : -1;
    if (units > IN_ONE_GO_UNITS || !isCount(row) || !isCount(segments.parts)) {
      // Rare: a message of megabytes, written a block at a time from its own values.
      const codePoints = this.#codePoints;
      out.raw(first ? ROW : NEXT_ROW);
      out.number(row);
      out.raw(MSISDN);
      out.stringBody(msisdn, codePoints);
      out.raw(MESSAGE);
      out.stringBody(message, codePoints);
      out.raw(SENDER);
      out.stringBody(sender, codePoints);
      out.raw(CLASS);
      out.stringBody(queued, codePoints);
      out.raw(USERREF);
      out.stringBody(userref, codePoints);
      out.raw(encoding);
      out.number(segments.parts);
      out.raw(END);
      return;
    }
    // The common case: room for the whole message at once, written without a check.
    const bytes = out.reserve(units * MOST_BYTES_PER_UNIT + FIXED_BYTES);
    let at = putBytes(bytes, out.used, first ? ROW : NEXT_ROW);
    at = putNumber(bytes, at, row);
    at = putBytes(bytes, at, MSISDN);
    at = this.#value(bytes, at, msisdn, at0);
    at = putBytes(bytes, at, MESSAGE);
    at = this.#value(bytes, at, message, at1);
    at = putBytes(bytes, at, SENDER);
    at = this.#value(bytes, at, sender, at2);
    at = putBytes(bytes, at, CLASS);
    at = this.#value(bytes, at, queued, at3);
    at = putBytes(bytes, at, USERREF);
    at = this.#value(bytes, at, userref, at4);
    at = putBytes(bytes, at, encoding);
    at = putNumber(bytes, at, segments.parts);
    out.used = putBytes(bytes, at, END);
  }

  /** One value's escaped UTF-8, read in place where it stands in the source (`start`). */
  #value(bytes: Uint8Array, at: number, value: string, start: number): number {
    if (start < 0) return putStringBody(bytes, at, value, this.#codePoints);
    const end = start + value.length;
    if (this.#bytes !== null) {
      return putWindows1252Body(bytes, at, this.#bytes, PENDING_C1_CODE_POINTS, start, end);
    }
    return putStringBody(bytes, at, this.#source!, this.#codePoints, start, end);
  }

  /** Forgets the messages not yet written (check clears only a sink that keeps them). */
  clear(): void {
    this.count = 0;
    this.overflowed = false;
    this.#out.drop();
    this.#kept.length = 0;
    this.#keptBytes = 0;
  }

  /** After the last message: the kept chunks (none when written or overflowed), in order. */
  end(): Uint8Array[] {
    this.#out.flush();
    return this.#kept.splice(0);
  }

  /** Keeps or writes a filled chunk. */
  #hand(filled: Uint8Array): void {
    if (this.overflowed) return;
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
  const head = JSON.stringify({
    ...lead,
    ...decision,
    problems: decision.problems.map(documentedProblem),
  });
  write(utf8.encode(`${head.slice(0, -1)},"messages":[`));
  const chunks = kept.end();
  if (kept.overflowed) {
    const streamed = new JsonMessages(write);
    inspection.messagesInto(streamed);
    streamed.end();
  } else {
    for (const chunk of chunks) write(chunk);
  }
  write(utf8.encode(']}\n'));
  return decision;
}
