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
import type { Segments } from './segments';
import { jsonStringBytes, MAX_BYTES_PER_UNIT, writeAscii, writeJsonString } from './json-utf8';
import { queuedClass, trimSpaces } from './values';

/** A message's bytes other than its five texts: keys, marks, its row and parts, with room. */
const MESSAGE_FRAME_BYTES = 160;

/** Bytes are written in chunks of this size (or one message's worst case, if larger). */
const CHUNK_BYTES = 1 << 20;
/**
 * The messages' text kept while the file is checked, at most: the verdict's other fields come
 * first and are known only at the end. A 30 MiB file of ordinary messages makes about 60 MiB;
 * past this (a file of millions of tiny rows), the text is dropped and the rows read again
 * after the verdict is written, each chunk written as it fills.
 */
export const KEPT_JSON_BYTES = 128 * 1024 * 1024;

/**
 * Messages as the elements of a JSON array, comma-separated, in UTF-8 chunks: kept (up to
 * `keepLimit` bytes, then dropped and `overflowed`), or each handed to `write` as it fills.
 * Each message is written straight into the chunk's bytes: joining the messages' text and
 * encoding it natively (TextEncoder, or Buffer) cost more, in flattening the joined strings and
 * collecting them, than the whole check (bench/PROFILE.md).
 */
export class JsonMessages implements MessageSink {
  count = 0;
  /** More than `keepLimit` bytes were given: what was kept is dropped, and nothing more kept. */
  overflowed = false;
  #chunk = new Uint8Array(CHUNK_BYTES);
  #used = 0;
  readonly #kept: Uint8Array[] = [];
  #keptBytes = 0;

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
    const msisdn = trimSpaces(rawMsisdn);
    const queued = queuedClass(cls);
    const texts = msisdn.length + message.length + sender.length + queued.length + userref.length;
    let room = texts * MAX_BYTES_PER_UNIT + MESSAGE_FRAME_BYTES;
    // A message too long for a chunk gets one of its exact size, not six bytes a character.
    if (room > CHUNK_BYTES) {
      room = MESSAGE_FRAME_BYTES;
      for (const text of [msisdn, message, sender, queued, userref]) room += jsonStringBytes(text);
    }
    if (this.#used + room > this.#chunk.length) this.#next(room);
    const into = this.#chunk;
    // The keys in messageOf's order, as JSON.stringify writes a Message.
    let at = writeAscii(this.count++ === 0 ? '{"row":' : ',{"row":', into, this.#used);
    at = writeAscii(String(row), into, at);
    at = writeAscii(',"msisdn":', into, at);
    at = writeJsonString(msisdn, into, at);
    at = writeAscii(',"message":', into, at);
    at = writeJsonString(message, into, at);
    at = writeAscii(',"sender":', into, at);
    at = writeJsonString(sender, into, at);
    at = writeAscii(',"class":', into, at);
    at = writeJsonString(queued, into, at);
    at = writeAscii(',"userref":', into, at);
    at = writeJsonString(userref, into, at);
    at = writeAscii(',"encoding":"', into, at);
    at = writeAscii(segments.encoding, into, at);
    at = writeAscii('","parts":', into, at);
    at = writeAscii(String(segments.parts), into, at);
    into[at++] = 0x7d;
    this.#used = at;
  }

  /** Forgets the messages not yet written (check clears only a sink that keeps them). */
  clear(): void {
    this.count = 0;
    this.overflowed = false;
    this.#kept.length = 0;
    this.#keptBytes = 0;
    this.#used = 0;
  }

  /** After the last message: the kept chunks (none when written or overflowed), in order. */
  end(): Uint8Array[] {
    this.#hand();
    return this.#kept.splice(0);
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
 * bytes of `JSON.stringify({ ...lead, ...checkFile(file) }) + '\n'` in UTF-8, in chunks.
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
  const head = JSON.stringify({ ...lead, ...decision });
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
