/**
 * Where check puts each message it reads (SPEC 6 and 7): a list of Message objects, or straight
 * into the text that prints them (verdict-json.ts), so a caller that only prints 300,000
 * messages never holds 300,000 objects.
 */
import type { ByteWindow } from './byte-window';
import { messageOf } from './values';
import type { Segments } from './segments';
import type { Message, RawRow } from './values';

/** The text check reads the rows from, for a sink that reads values in place. */
export interface SourceText {
  /** How many characters (UTF-16 code units) the text has. */
  readonly length: number;
  /** Its characters from `start` to `end`, as String.prototype.slice. */
  slice(start: number, end: number): string;
  /**
   * The file's bytes, when each is one character of the text (Windows-1252), all in memory or
   * read a window at a time; else null.
   */
  readonly window: ByteWindow | null;
  /**
   * The text is pending (see Windows1252Reading): its U+0080-U+009F are the bytes 0x80-0x9F,
   * which stand for the characters PENDING_C1_CODE_POINTS gives.
   */
  readonly pendingC1: boolean;
}

export interface MessageSink {
  /** How many messages it has been given since it was made or last cleared. */
  readonly count: number;
  /** One data row's message, its values as the server reads them (see messageOf). */
  add(
    raw: RawRow,
    /**
     * Where each value (in COLUMNS order: msisdn, message, sender, class, userref) stands in
     * the source text, as one piece of it (`text.slice(start, start + value.length)`), or -1.
     * Reused from row to row: read it during the call only.
     */
    starts?: readonly number[],
  ): void;
  /**
   * add for a sink that reads in place (readsInPlace), without a string made of any value that
   * stands in the source, which check then need not make either: value k (COLUMNS order) is
   * the source's `lengths[k]` characters from `starts[k]`, or `texts[k]` where `starts[k]` is
   * -1. The msisdn comes without the spaces around it, the class as written ('' for none).
   * Given only where the source has bytes (Windows-1252). A value with `pairs[k]` above 0 is
   * a quoted field's text as written, `""` for each quote: `lengths[k] + pairs[k]` characters
   * of the source, read with each `""` as one quote. The arrays and `segments` are reused:
   * read them during the call only.
   */
  addInPlace?(
    row: number,
    segments: Segments,
    texts: readonly string[],
    starts: readonly number[],
    lengths: readonly number[],
    pairs: readonly number[],
  ): void;
  /** Forgets every message given so far. */
  clear(): void;
  /**
   * Asked once by check, before the first message: a sink that answers true reads each value
   * where it stands in `source` (add's `starts`) where it can, and is given the values of a
   * pending text as they stand, unresolved (it maps U+0080-U+009F itself). Otherwise check
   * resolves each value before giving it.
   */
  readsInPlace?(source: SourceText): boolean;
}

/** The messages as objects, in the order given. */
export class MessageList implements MessageSink {
  readonly messages: Message[] = [];

  get count(): number {
    return this.messages.length;
  }

  add(raw: RawRow): void {
    this.messages.push(messageOf(raw));
  }

  clear(): void {
    this.messages.length = 0;
  }
}
