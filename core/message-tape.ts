/**
 * The messages of `check --json` noted while check reads the rows, as numbers: each value by
 * where it stands in the file and its length, so that they are written after the verdict's
 * head (known only at the end) straight into the output. Keeping the messages' JSON itself
 * meant 60 MiB of fresh memory for a 30 MiB file: on a busy machine touching it cost as much as
 * writing it. The notes are 52 bytes a message, about 15 MiB there, and the JSON passes through
 * one chunk.
 */
import { isCount } from './json-bytes';
import { trimmedStart, classStart, VALUES } from './message-json';
import type { MessageJson } from './message-json';
import type { MessageSink, SourceText } from './message-sink';
import { queuedClass, trimSpaces } from './values';
import type { RawRow } from './values';
import type { Segments } from './segments';

/** A message's numbers: its row, its parts, UCS-2 or not, then each value's start and length. */
const RECORD = 3 + 2 * VALUES;
/** Messages noted in the first block of numbers, and in the largest (each twice the last). */
const FIRST_BLOCK_RECORDS = 64;
const BLOCK_RECORDS = 8192;
/** The class's index among a message's values, and the class queued where a file has none. */
const CLASS = 3;
const STANDARD = queuedClass('');
/** The largest number noted as it is; others are noted by their index among `numbers`. */
const LARGEST = 0x7fffffff;

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
    for (const block of blocks) if (block.length === BLOCK_RECORDS * RECORD) this.#free.push(block);
  }
}

export class MessageTape implements MessageSink {
  count = 0;
  /** More than `keepLimit` bytes were noted: what was noted is dropped, and nothing more. */
  overflowed = false;
  readonly #blocks: Int32Array[] = [];
  #block: Int32Array = new Int32Array(0);
  /** Where the next record goes in `#block`. */
  #at = 0;
  /** Values that do not stand in the source as they are, noted by their index here. */
  readonly #texts: string[] = [];
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
    if (this.#at === this.#block.length) this.#nextBlock();
    const block = this.#block;
    let at = this.#at;
    block[at++] = this.#number(raw.row);
    block[at++] = this.#number(raw.segments.parts);
    block[at++] = raw.segments.encoding === 'UCS-2' ? 1 : 0;
    const inPlace = starts !== undefined && this.#source !== null;
    const msisdn = trimSpaces(raw.msisdn);
    at = this.#value(
      block,
      at,
      msisdn,
      inPlace ? trimmedStart(raw.msisdn, msisdn, starts[0]!) : -1,
    );
    at = this.#value(block, at, raw.message, inPlace ? starts[1]! : -1);
    at = this.#value(block, at, raw.sender, inPlace ? starts[2]! : -1);
    const cls = queuedClass(raw.class);
    at = this.#value(block, at, cls, inPlace ? classStart(raw.class, starts[3]!) : -1);
    this.#at = this.#value(block, at, raw.userref, inPlace ? starts[4]! : -1);
    if (this.#keptBytes > this.keepLimit) this.#overflow();
  }

  addInPlace(
    row: number,
    segments: Segments,
    texts: readonly string[],
    starts: readonly number[],
    lengths: readonly number[],
  ): void {
    this.count++;
    if (this.overflowed) return;
    if (this.#at === this.#block.length) this.#nextBlock();
    const block = this.#block;
    let at = this.#at;
    block[at++] = this.#number(row);
    block[at++] = this.#number(segments.parts);
    block[at++] = segments.encoding === 'UCS-2' ? 1 : 0;
    for (let k = 0; k < VALUES; k++) {
      const start = starts[k]!;
      if (k === CLASS && lengths[k] === 0) at = this.#value(block, at, STANDARD, -1);
      else if (start >= 0) {
        block[at++] = start;
        block[at++] = lengths[k]!;
      } else at = this.#value(block, at, texts[k]!, -1);
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
    const ucs2 = 'UCS-2';
    const gsm7 = 'GSM-7';
    let first = true;
    for (const block of this.#blocks) {
      const end = block === this.#block ? this.#at : block.length;
      for (let at = 0; at < end; at += RECORD) {
        for (let k = 0; k < VALUES; k++) {
          const start = block[at + 3 + 2 * k]!;
          if (start >= 0) json.set(k, '', start);
          else json.set(k, this.#texts[-1 - start]!, -1);
          json.lengths[k] = block[at + 4 + 2 * k]!;
        }
        const row = this.#numberAt(block[at]!);
        const parts = this.#numberAt(block[at + 1]!);
        json.put(first, row, block[at + 2] === 1 ? ucs2 : gsm7, parts);
        first = false;
      }
    }
  }

  /** Notes a value: its start, or its own text's index (as -1 - index), and its length. */
  #value(block: Int32Array, at: number, text: string, start: number): number {
    if (start >= 0) block[at] = start;
    else {
      const texts = this.#texts;
      // The class a file leaves out is the same word on every row: noted once.
      if (texts.length === 0 || texts[texts.length - 1] !== text) {
        texts.push(text);
        this.#keptBytes += 2 * text.length + 8;
      }
      block[at] = -texts.length;
    }
    block[at + 1] = text.length;
    return at + 2;
  }

  #number(value: number): number {
    if (isCount(value) && value <= LARGEST) return value;
    this.#numbers.push(value);
    return -this.#numbers.length;
  }

  #numberAt(noted: number): number {
    return noted >= 0 ? noted : this.#numbers[-1 - noted]!;
  }

  #nextBlock(): void {
    // A small file, checked among a hundred in one call, needs no large block.
    const records = Math.min(
      BLOCK_RECORDS,
      Math.max(FIRST_BLOCK_RECORDS, (this.#block.length / RECORD) * 2),
    );
    const pooled = records === BLOCK_RECORDS ? this.pool?.take() : undefined;
    this.#block = pooled ?? new Int32Array(records * RECORD);
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
    this.#block = new Int32Array(0);
    this.#at = 0;
    this.#texts.length = 0;
    this.#numbers.length = 0;
    this.#keptBytes = 0;
  }
}
