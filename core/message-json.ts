/**
 * One message of `check --json` as the bytes JSON.stringify writes for it (messageOf's keys, in
 * its order), its values read where they stand in the file or from their own text. Shared by
 * the sink that writes messages as check reads them (JsonMessages) and by the tape that writes
 * them after the verdict's head (MessageTape).
 */
import {
  MOST_BYTES_PER_UNIT,
  part,
  putPart,
  putStringBody,
  putWindows1252Body,
  SLACK_BYTES,
} from './json-bytes';
import type { ByteWindow } from './byte-window';
import { unescape } from './dialect-text';
import type { JsonBytes, Part } from './json-bytes';
import { isCount, MOST_COUNT_DIGITS, putNumber } from './json-number';
import type { SourceText } from './message-sink';
import type { SmsEncoding } from './segments';
import { queuedClass } from './values';
import type { RawRow } from './values';
import { PENDING_C1_CODE_POINTS } from './windows1252';

// The keys in messageOf's order, as JSON.stringify writes a Message, each with the punctuation
// around it: a message is these parts and its values, in turn.
const ROW = part('{"row":');
const NEXT_ROW = part(',{"row":');
/** The keys before each value, in COLUMNS order (msisdn, message, sender, class, userref). */
const KEYS: readonly Part[] = [
  part(',"msisdn":"'),
  part('","message":"'),
  part('","sender":"'),
  part('","class":"'),
  part('","userref":"'),
];
const ENCODING: Record<SmsEncoding, Part> = {
  'GSM-7': part('","encoding":"GSM-7","parts":'),
  'UCS-2': part('","encoding":"UCS-2","parts":'),
};
const END = part('}');
/** The class of a file without one, on every row of such a file: encoded once. */
const STANDARD = queuedClass('');
const STANDARD_PART = part(STANDARD);
/** The most bytes of a message but its values' (the longest of each part), and the slack. */
const FIXED_BYTES =
  NEXT_ROW.bytes.length +
  KEYS.reduce((sum, key) => sum + key.bytes.length, 0) +
  ENCODING['UCS-2'].bytes.length +
  END.bytes.length +
  2 * MOST_COUNT_DIGITS +
  SLACK_BYTES;
/** A message of more units than this is written a block at a time (JsonBytes.stringBody). */
const IN_ONE_GO_UNITS = 1 << 16;
/** How MessageTape notes a text it keeps as bytes (see MessageJson's #stored). */
export const STORE_BITS = 18;
const STORE_MASK = (1 << STORE_BITS) - 1;
/** How many values a message has. */
export const VALUES = KEYS.length;

/** Where `trimmed`, trimSpaces of `raw`, stands in the source when `raw` stands at `start`. */
export function trimmedStart(raw: string, trimmed: string, start: number): number {
  if (start < 0 || trimmed === raw) return start;
  let lead = 0;
  while (raw.charCodeAt(lead) === 0x20) lead++;
  return start + lead;
}

/** Whether the queued class of a raw `cls` at `start` stands in the source as it is. */
export function classStart(cls: string, start: number): number {
  return queuedClass(cls) === cls ? start : -1;
}

/**
 * Writes messages into `out`. The caller sets each value (`starts`, `lengths`, `texts`) and
 * calls put: no object is made for a message.
 */
export class MessageJson {
  /** Where each value stands in the source, or -1: its text is `texts[k]`. */
  readonly starts = new Int32Array(VALUES);
  /** Each value's length in code units. */
  readonly lengths = new Int32Array(VALUES);
  readonly texts: string[] = Array.from({ length: VALUES }, () => '');
  /** 1 where the value is a quoted field's text as written, each `""` one quote (setPaired). */
  readonly paired = new Uint8Array(VALUES);
  /** The text check reads, once it has said so (readsInPlace). */
  #source: SourceText | null = null;
  /** Its whole string, where it is one (not Windows-1252, which is read from its bytes). */
  #whole: string | null = null;
  /** Its bytes, one a character (Windows-1252), or null. */
  #window: ByteWindow | null = null;
  /** The code points of a pending text's units, when check gives its values unresolved. */
  #codePoints: Uint16Array | null = null;
  /**
   * Blocks of texts of one byte a character (MessageTape's): a start of -2 - n is block
   * n >> STORE_BITS's byte n & STORE_MASK.
   */
  #stored: readonly Uint8Array[] = [];

  constructor(readonly out: JsonBytes) {}

  /** Values given with a start are read from `source` from now on. */
  readFrom(source: SourceText): void {
    this.#source = source;
    this.#window = source.window;
    this.#whole = source.window === null ? source.slice(0, source.length) : null;
    this.#codePoints = source.pendingC1 ? PENDING_C1_CODE_POINTS : null;
  }

  /** Values given with a start below -1 are read from `stored` (see #stored). */
  storedIn(stored: readonly Uint8Array[]): void {
    this.#stored = stored;
  }

  /** Whether values can be read in place (readFrom was called). */
  get inPlace(): boolean {
    return this.#source !== null;
  }

  /**
   * Sets value `k` from its own text, or from where it stands in the source (`start` ≥ 0); a
   * caller sets a stored one's start and length itself (storedIn).
   */
  set(k: number, text: string, start: number): void {
    this.starts[k] = start;
    this.lengths[k] = text.length;
    this.texts[k] = start < 0 ? text : '';
    this.paired[k] = 0;
  }

  /** Sets value `k` to the source's `length` characters from `start`, each `""` one quote. */
  setPaired(k: number, start: number, length: number): void {
    this.starts[k] = start;
    this.lengths[k] = length;
    this.texts[k] = '';
    this.paired[k] = 1;
  }

  /** Sets the values of `raw` (`at`: where each stands in the source, as check gives them). */
  setRow(raw: RawRow, msisdn: string, at: readonly number[] | undefined): void {
    const inPlace = at !== undefined && this.#source !== null;
    this.set(0, msisdn, inPlace ? trimmedStart(raw.msisdn, msisdn, at[0]!) : -1);
    this.set(1, raw.message, inPlace ? at[1]! : -1);
    this.set(2, raw.sender, inPlace ? at[2]! : -1);
    this.set(3, queuedClass(raw.class), inPlace ? classStart(raw.class, at[3]!) : -1);
    this.set(4, raw.userref, inPlace ? at[4]! : -1);
  }

  /** Writes the message of the values set, after a comma unless it is the `first`. */
  put(first: boolean, row: number, encoding: SmsEncoding, parts: number): void {
    const lengths = this.lengths;
    if (this.#window?.reads === true) this.#hold();
    const units = lengths[0]! + lengths[1]! + lengths[2]! + lengths[3]! + lengths[4]!;
    const out = this.out;
    if (units > IN_ONE_GO_UNITS || !isCount(row) || !isCount(parts)) {
      // Rare: a message of megabytes, written a block at a time.
      out.raw((first ? ROW : NEXT_ROW).bytes);
      out.number(row);
      for (let k = 0; k < VALUES; k++) {
        out.raw(KEYS[k]!.bytes);
        const start = this.starts[k]!;
        if (start < -1) {
          // A stored text is at most MOST_STORED characters: written in one go.
          const bytes = out.reserve(this.lengths[k]! * MOST_BYTES_PER_UNIT + SLACK_BYTES);
          out.used = this.#storedValue(bytes, out.used, start, this.lengths[k]!);
        } else out.stringBody(this.#text(k), this.#codePoints);
      }
      out.raw(ENCODING[encoding].bytes);
      out.number(parts);
      out.raw(END.bytes);
      return;
    }
    // The common case: room for the whole message at once, written without a check.
    const bytes = out.reserve(units * MOST_BYTES_PER_UNIT + FIXED_BYTES);
    let at = putPart(bytes, out.used, first ? ROW : NEXT_ROW);
    at = putNumber(bytes, at, row);
    for (let k = 0; k < VALUES; k++) {
      at = putPart(bytes, at, KEYS[k]!);
      at = this.#value(bytes, at, k);
    }
    at = putPart(bytes, at, ENCODING[encoding]);
    at = putNumber(bytes, at, parts);
    out.used = putPart(bytes, at, END);
  }

  /** Makes the values that stand in the file present in its window. */
  #hold(): void {
    const { starts, lengths } = this;
    let from = Infinity;
    let to = -1;
    for (let k = 0; k < VALUES; k++) {
      const start = starts[k]!;
      if (start < 0) continue;
      if (start < from) from = start;
      if (start + lengths[k]! > to) to = start + lengths[k]!;
    }
    if (to >= 0) this.#window!.hold(from, to);
  }

  /** Value `k`'s own text. */
  #text(k: number): string {
    const start = this.starts[k]!;
    if (start < 0) return this.texts[k]!;
    const text = this.#source!.slice(start, start + this.lengths[k]!);
    return unescape(text, this.paired[k] === 1);
  }

  /** A stored text's escaped UTF-8 (see #stored). */
  #storedValue(bytes: Uint8Array, at: number, start: number, length: number): number {
    const noted = -2 - start;
    const stored = this.#stored[noted >>> STORE_BITS]!;
    const from = noted & STORE_MASK;
    return putWindows1252Body(bytes, at, stored, this.#codePoints, from, from + length);
  }

  /** Value `k`'s escaped UTF-8, read in place where it stands in the source. */
  #value(bytes: Uint8Array, at: number, k: number): number {
    const start = this.starts[k]!;
    if (start < -1) return this.#storedValue(bytes, at, start, this.lengths[k]!);
    if (start < 0) {
      const text = this.texts[k]!;
      if (text === STANDARD) return putPart(bytes, at, STANDARD_PART);
      return putStringBody(bytes, at, text, this.#codePoints);
    }
    const end = start + this.lengths[k]!;
    const window = this.#window;
    if (window !== null) {
      const base = window.base;
      const from = start - base;
      const paired = this.paired[k] === 1;
      const source = window.bytes;
      return putWindows1252Body(
        bytes,
        at,
        source,
        PENDING_C1_CODE_POINTS,
        from,
        end - base,
        paired,
      );
    }
    return putStringBody(bytes, at, this.#whole!, this.#codePoints, start, end);
  }
}
