/**
 * The verdict as JSON (`sendsheet check --json`), written from the rows check reads (noted as
 * numbers, message-tape.ts, until the head is known): the bytes of `JSON.stringify(verdict)`
 * in UTF-8, without a Message object per row or one string of the whole text. A 30 MiB file has
 * about 290,000 messages, 60 MiB of JSON: built as objects and then one string, that cost four
 * times the check itself and a gigabyte of memory, most of it the collector's work.
 */
import { inspectFile, inspectWindowed } from './check';
import type { CheckOptions, Decision, Inspection, UploadedFile } from './check';
import type { WindowedFile } from './decode-window';
import { JsonBytes } from './json-bytes';
import { MessageJson } from './message-json';
import type { MessageSink, SourceText } from './message-sink';
import { MessageTape } from './message-tape';
import type { TapeBlocks } from './message-tape';
import { documentedProblem } from './problems';
import { trimSpaces } from './values';
import type { RawRow } from './values';

/**
 * The messages noted while the file is checked, at most (MessageTape's numbers and texts): the
 * verdict's other fields come first and are known only at the end. A 30 MiB file of ordinary
 * messages needs about 15 MiB; past this (a file of millions of tiny rows), the notes are
 * dropped and the rows read again after the verdict is written, each chunk written as it fills.
 */
export const KEPT_NOTES_BYTES = 64 * 1024 * 1024;

/** The messages' JSON a JsonMessages without a writer keeps, at most. */
export const KEPT_JSON_BYTES = 128 * 1024 * 1024;

const utf8 = new TextEncoder();

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
  readonly #json: MessageJson;

  constructor(
    private readonly write: ((bytes: Uint8Array) => void) | null,
    private readonly keepLimit = KEPT_JSON_BYTES,
    /** `write` has consumed the bytes when it returns: one chunk is filled again and again. */
    consumes = false,
  ) {
    this.#out = new JsonBytes(
      (filled) => this.#hand(filled),
      undefined,
      consumes && write !== null,
    );
    this.#json = new MessageJson(this.#out);
  }

  /**
   * Reading in place costs less than the values' own slices, and resolving Windows-1252's
   * 0x80-0x9F costs nothing here, where each character is encoded anyway.
   */
  readsInPlace(source: SourceText): boolean {
    this.#json.readFrom(source);
    return true;
  }

  add(raw: RawRow, starts?: readonly number[]): void {
    const first = this.count++ === 0;
    if (this.overflowed) return;
    const json = this.#json;
    json.setRow(raw, trimSpaces(raw.msisdn), starts);
    json.put(first, raw.row, raw.segments.encoding, raw.segments.parts);
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
  file: UploadedFile | WindowedFile,
  options: CheckOptions,
  write: (bytes: Uint8Array) => void,
  lead: Record<string, string> = {},
  keepLimit = KEPT_NOTES_BYTES,
  /** `write` has consumed the bytes when it returns: one chunk is filled again and again. */
  consumes = false,
  /** Blocks of notes to take and give back, for a caller that writes file after file. */
  blocks: TapeBlocks | null = null,
  /**
   * Asked once the file is checked, before anything is written: false writes nothing and
   * gives null (a file read again as it is written out, which has changed since it was read).
   * A file read a window at a time that turns out not to be read as its bytes gives null too.
   */
  proceed: () => boolean = () => true,
): Decision | null {
  const tape = new MessageTape(keepLimit, blocks);
  const checking = { ...options, keepMessages: tape };
  const inspection: Inspection | null =
    'window' in file ? inspectWindowed(file, checking) : inspectFile(file, checking);
  if (inspection === null || !proceed()) {
    tape.release();
    return null;
  }
  const { decision } = inspection;
  const head = JSON.stringify({
    ...lead,
    ...decision,
    problems: decision.problems.map(documentedProblem),
  });
  write(utf8.encode(`${head.slice(0, -1)},"messages":[`));
  if (tape.overflowed) {
    const streamed = new JsonMessages(write, undefined, consumes);
    inspection.messagesInto(streamed);
    streamed.end();
  } else {
    const out = new JsonBytes(write, undefined, consumes);
    tape.writeTo(new MessageJson(out));
    out.flush();
    tape.release();
  }
  write(utf8.encode(']}\n'));
  return decision;
}
