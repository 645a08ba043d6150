/**
 * The messages of `check --json` noted while check reads the rows, as numbers: each value by
 * where it stands in the file and its length, so that they are written after the verdict's
 * head (known only at the end) straight into the output. Keeping the messages' JSON itself
 * meant 60 MiB of fresh memory for a 30 MiB file: on a busy machine touching it cost as much as
 * writing it. The notes are about 28 bytes a message, 11 MiB there (their blocks and the
 * copied texts included, measured), and the JSON passes through one chunk.
 */
import { isCount } from './json-number';
import { classStart, STORE_BITS, trimmedStart, VALUES } from './message-json';
import type { MessageJson } from './message-json';
import type { MessageSink, SourceText } from './message-sink';
import { queuedClass, trimSpaces } from './values';
import type { RawRow } from './values';
import type { Segments } from './segments';

/**
 * A message's numbers: its row; its parts, twice, plus 1 for UCS-2; then a word a value, in
 * COLUMNS order. A value that stands in the source is noted by where it starts after the last
 * such value's end (a delimiter or a line end later, mostly) in the top byte and its length in
 * the rest; one farther away or longer as ELSEWHERE, its start and its length; a text check made
 * (a field with `""`) as STORED, where its characters, one byte each, stand among the tape's
 * bytes, and its length; any other text as -3 - its index among the texts. 28 bytes a message,
 * mostly, where 13 numbers each were 52: the notes are memory a fresh process touches for the
 * first time, about 14 µs of page faults each 4 KiB here.
 */
const HEAD_WORDS = 2;
/** The most words one message takes. */
const MOST_WORDS = HEAD_WORDS + 3 * VALUES;
/** A value's word when its start and length follow. */
const ELSEWHERE = -1;
/** A value's word when it is a text copied into the tape's bytes: its offset and length follow. */
const STORED = -2;
/**
 * A value's word when it is a quoted field's text as written, each `""` one quote: its start
 * and its length as written follow.
 */
const PAIRED = -3;
/** A value's word is TEXTS - its index among the texts, below the words above. */
const TEXTS = -4;
/**
 * Texts' characters are copied into blocks of bytes, each at most 2^STORE_BITS (the first
 * small, each twice the last), never moved: a text is noted by its block's index times
 * 2^STORE_BITS plus where it starts in it. A longer text than MOST_STORED stays a string.
 */
const FIRST_STORE_BYTES = 1 << 12;
const MOST_STORED = 1 << 16;
const LENGTH_BITS = 24;
const LENGTH_MASK = (1 << LENGTH_BITS) - 1;
/** The farthest a value may start after the last one's end to be noted in one word. */
const NEAR = 0x7f;
/** Words in the first block of notes, and in the largest (each twice the last). */
const FIRST_BLOCK_WORDS = 64 * (HEAD_WORDS + VALUES);
const BLOCK_WORDS = 8192 * (HEAD_WORDS + VALUES);
/** The class's index among a message's values, and the class queued where a file has none. */
const CLASS = 3;
const STANDARD = queuedClass('');
/** The largest row noted as it is, and parts; others are noted by their index among `numbers`. */
const LARGEST = 0x7fffffff;
const LARGEST_PARTS = 0x3fffffff;

/**
 * Full-sized blocks of notes given back once a file's messages are written, for the next
 * file's: a caller that checks file after file (`sendsheet check FILE...`) keeps them, since
 * 15 MiB of memory the process has never touched cost 50-100 ms of page faults a file.
 */
export class TapeBlocks {
  readonly #free: Int32Array[] = [];

  take(): Int32Array | undefined {
    return this.#free.pop();
  }

  give(blocks: readonly Int32Array[]): void {
    for (const block of blocks) if (block.length === BLOCK_WORDS) this.#free.push(block);
  }
}

export class MessageTape implements MessageSink {
  count = 0;
  /** More than `keepLimit` bytes were noted: what was noted is dropped, and nothing more. */
  overflowed = false;
  readonly #blocks: Int32Array[] = [];
  /** How many words of each block are notes. */
  readonly #used: number[] = [];
  #block: Int32Array = new Int32Array(0);
  /** Where the next message's words go in `#block`. */
  #at = 0;
  /** Where the last value noted by its place ended: the next is noted from there. */
  #end = 0;
  /** Values that do not stand in the source as they are, noted by their index here. */
  readonly #texts: string[] = [];
  /**
   * The characters of texts of one byte each (all of a Windows-1252 file's), copied: kept as
   * strings, the 30 MiB file's 29,000 fields with `""` were promoted by every scavenge, and
   * written a character at a time.
   */
  readonly #stored: Uint8Array[] = [];
  #storedUsed = 0;
  /** Rows and parts past LARGEST (never in a real file), by their index here. */
  readonly #numbers: number[] = [];
  #keptBytes = 0;
  #source: SourceText | null = null;

  constructor(
    private readonly keepLimit: number,
    /** Where full-sized blocks come from, and go back to (release). */
    private readonly pool: TapeBlocks | null = null,
  ) {}

  /** Values are noted by where they stand in the source: nothing is copied. */
  readsInPlace(source: SourceText): boolean {
    this.#source = source;
    return true;
  }

  add(raw: RawRow, starts?: readonly number[]): void {
    this.count++;
    if (this.overflowed) return;
    let at = this.#head(raw.row, raw.segments);
    const block = this.#block;
    const inPlace = starts !== undefined && this.#source !== null;
    const msisdn = trimSpaces(raw.msisdn);
    const msisdnStart = inPlace ? trimmedStart(raw.msisdn, msisdn, starts[0]!) : -1;
    at = this.#value(block, at, msisdn, msisdnStart, msisdn.length);
    const message = raw.message;
    at = this.#value(block, at, message, inPlace ? starts[1]! : -1, message.length);
    at = this.#value(block, at, raw.sender, inPlace ? starts[2]! : -1, raw.sender.length);
    const cls = queuedClass(raw.class);
    const classAt = inPlace ? classStart(raw.class, starts[3]!) : -1;
    at = this.#value(block, at, cls, classAt, cls.length);
    const userref = raw.userref;
    this.#at = this.#value(block, at, userref, inPlace ? starts[4]! : -1, userref.length);
    if (this.#keptBytes > this.keepLimit) this.#overflow();
  }

  addInPlace(
    row: number,
    segments: Segments,
    texts: readonly string[],
    starts: readonly number[],
    lengths: readonly number[],
    pairs: readonly number[],
  ): void {
    this.count++;
    if (this.overflowed) return;
    let at = this.#head(row, segments);
    const block = this.#block;
    for (let k = 0; k < VALUES; k++) {
      const start = starts[k]!;
      if (k === CLASS && lengths[k] === 0) at = this.#value(block, at, STANDARD, -1, 0);
      else if (start < 0) at = this.#store(block, at, texts[k]!);
      else if (pairs[k] !== 0) {
        block[at] = PAIRED;
        block[at + 1] = start;
        block[at + 2] = lengths[k]! + pairs[k]!;
        at += 3;
      } else at = this.#value(block, at, texts[k]!, start, lengths[k]!);
    }
    this.#at = at;
    if (this.#keptBytes > this.keepLimit) this.#overflow();
  }

  clear(): void {
    this.count = 0;
    this.overflowed = false;
    this.#drop();
  }

  /** Gives the blocks back to the pool and forgets every message: after writeTo. */
  release(): void {
    this.pool?.give(this.#blocks);
    this.clear();
  }

  /** Writes every message noted, in order, through `json` (set to read from the same source). */
  writeTo(json: MessageJson): void {
    if (this.#source !== null) json.readFrom(this.#source);
    json.storedIn(this.#stored);
    const ucs2 = 'UCS-2';
    const gsm7 = 'GSM-7';
    const texts = this.#texts;
    const starts = json.starts;
    const lengths = json.lengths;
    const paired = json.paired;
    let first = true;
    let last = 0;
    for (let b = 0; b < this.#blocks.length; b++) {
      const block = this.#blocks[b]!;
      const end = block === this.#block ? this.#at : this.#used[b]!;
      for (let at = 0; at < end;) {
        const row = this.#numberAt(block[at]!);
        const parts = block[at + 1]!;
        at += HEAD_WORDS;
        for (let k = 0; k < VALUES; k++) {
          const word = block[at++]!;
          paired[k] = 0;
          if (word >= 0) {
            const start = last + (word >>> LENGTH_BITS);
            starts[k] = start;
            last = start + (lengths[k] = word & LENGTH_MASK);
          } else if (word === ELSEWHERE) {
            const start = (starts[k] = block[at++]!);
            last = start + (lengths[k] = block[at++]!);
          } else if (word === STORED) {
            starts[k] = -2 - block[at++]!;
            lengths[k] = block[at++]!;
          } else if (word === PAIRED) {
            json.setPaired(k, block[at]!, block[at + 1]!);
            at += 2;
          } else {
            const text = texts[TEXTS - word]!;
            json.set(k, text, -1);
          }
        }
        json.put(first, row, (parts & 1) === 1 ? ucs2 : gsm7, this.#numberAt(parts >> 1));
        first = false;
      }
    }
  }

  /** Makes room for a message and notes its row and parts; gives where its values go. */
  #head(row: number, segments: Segments): number {
    if (this.#at + MOST_WORDS > this.#block.length) this.#nextBlock();
    const block = this.#block;
    const at = this.#at;
    block[at] = this.#number(row, LARGEST);
    block[at + 1] =
      this.#number(segments.parts, LARGEST_PARTS) * 2 + (segments.encoding === 'UCS-2' ? 1 : 0);
    return at + HEAD_WORDS;
  }

  /** Notes a value by where it stands (`start` ≥ 0) or by its own text. */
  #value(block: Int32Array, at: number, text: string, start: number, length: number): number {
    if (start >= 0) {
      const near = start - this.#end;
      this.#end = start + length;
      if (near >= 0 && near <= NEAR && length <= LENGTH_MASK) {
        block[at] = (near << LENGTH_BITS) | length;
        return at + 1;
      }
      block[at] = ELSEWHERE;
      block[at + 1] = start;
      block[at + 2] = length;
      return at + 3;
    }
    const texts = this.#texts;
    // The class a file leaves out is the same word on every row: noted once.
    if (texts.length === 0 || texts[texts.length - 1] !== text) {
      texts.push(text);
      this.#keptBytes += 2 * text.length + 8;
    }
    block[at] = TEXTS - (texts.length - 1);
    return at + 1;
  }

  /** Notes a text by its characters copied, where each is one byte; else as #value does. */
  #store(block: Int32Array, at: number, text: string): number {
    const length = text.length;
    if (length > MOST_STORED) return this.#value(block, at, text, -1, length);
    const blocks = this.#stored;
    let stored = blocks[blocks.length - 1];
    let used = this.#storedUsed;
    if (stored === undefined || used + length > stored.length) {
      const bytes = Math.min(
        1 << STORE_BITS,
        Math.max(FIRST_STORE_BYTES, 2 * (stored?.length ?? 0)),
      );
      stored = new Uint8Array(Math.max(bytes, length));
      blocks.push(stored);
      this.#keptBytes += stored.length;
      // The new block is the last from now on, even if this text ends up kept as a string.
      used = this.#storedUsed = 0;
    }
    const from = used;
    for (let i = 0; i < length; i++) {
      const unit = text.charCodeAt(i);
      // Not one byte (never in a Windows-1252 file's text): kept as a string.
      if (unit > 0xff) return this.#value(block, at, text, -1, length);
      stored[used++] = unit;
    }
    this.#storedUsed = used;
    block[at] = STORED;
    block[at + 1] = (blocks.length - 1) * (1 << STORE_BITS) + from;
    block[at + 2] = length;
    return at + 3;
  }

  /** `value` as it is when it is at most `largest`, else by its index among `#numbers`. */
  #number(value: number, largest: number): number {
    if (isCount(value) && value <= largest) return value;
    this.#numbers.push(value);
    return -this.#numbers.length;
  }

  #numberAt(noted: number): number {
    return noted >= 0 ? noted : this.#numbers[-1 - noted]!;
  }

  #nextBlock(): void {
    if (this.#blocks.length > 0) this.#used[this.#blocks.length - 1] = this.#at;
    // A small file, checked among a hundred in one call, needs no large block.
    const words = Math.min(BLOCK_WORDS, Math.max(FIRST_BLOCK_WORDS, this.#block.length * 2));
    const pooled = words === BLOCK_WORDS ? this.pool?.take() : undefined;
    this.#block = pooled ?? new Int32Array(words);
    this.#blocks.push(this.#block);
    this.#at = 0;
    this.#keptBytes += this.#block.byteLength;
  }

  #overflow(): void {
    this.overflowed = true;
    this.#drop();
  }

  #drop(): void {
    this.#blocks.length = 0;
    this.#used.length = 0;
    this.#block = new Int32Array(0);
    this.#at = 0;
    this.#end = 0;
    this.#texts.length = 0;
    this.#stored.length = 0;
    this.#storedUsed = 0;
    this.#numbers.length = 0;
    this.#keptBytes = 0;
  }
}
