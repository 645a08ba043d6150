/**
 * JSON written straight into UTF-8 bytes: each string escaped and encoded in one pass over its
 * code units, as `JSON.stringify` then `TextEncoder` would make it, without the string of the
 * whole text. For `check --json`'s 60 MiB of messages, joining them into strings, testing each
 * for what needs escaping and encoding the joined text natively cost three times the check
 * itself (most of it V8's UTF-8 encoder and the collector): this loop costs a fraction of it.
 */

import { isCount, MOST_COUNT_DIGITS, putNumber } from './json-number';

/** A string is written at most this many code units at a time, so its room stays small. */
const BLOCK_UNITS = 1 << 14;
/** The most bytes one code unit becomes: `\u00XX` or `\udXXX` (a pair is 4 bytes for two). */
export const MOST_BYTES_PER_UNIT = 6;
/**
 * A put function may write this many bytes past where it says it ended (never past its
 * room), to store four bytes at once: what comes next writes over them.
 */
export const SLACK_BYTES = 3;
const QUOTE = Uint8Array.of(0x22);
const HEX = Uint8Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const utf8 = new TextEncoder();

/** A word of UNIT_WORDS that is no word: the unit is written as `\u00XX`, six bytes. */
const LONG = 0xffffffff;

/**
 * What each code unit 0x00-0xFF becomes inside a JSON string, in UTF-8, as one little-endian
 * word: its one to three bytes, and their count in the top byte (LONG for a `\u00XX`). Made
 * from JSON.stringify and TextEncoder themselves, so the two cannot disagree. One four-byte
 * store and one table read a character: a loop that tested each byte for what it needs cost
 * three times as much (branches the processor guesses wrong at every accented letter).
 */
function unitWords(codePoint: (unit: number) => number): Uint32Array {
  const words = new Uint32Array(0x100);
  for (let unit = 0; unit < 0x100; unit++) {
    const text = JSON.stringify(String.fromCharCode(codePoint(unit))).slice(1, -1);
    const bytes = utf8.encode(text);
    words[unit] =
      bytes.length > 3
        ? LONG
        : (bytes[0]! | ((bytes[1] ?? 0) << 8) | ((bytes[2] ?? 0) << 16) | (bytes.length << 24)) >>>
          0;
  }
  return words;
}

/** Latin-1's code units, each its own code point. */
const LATIN1_WORDS = unitWords((unit) => unit);

let wordsOwner: Uint16Array | null = null;
let ownWords = LATIN1_WORDS;

/** The words of a text whose units below 0xA0 stand for `codePoints`' code points (or none). */
function wordsFor(codePoints: Uint16Array | null): Uint32Array {
  if (codePoints === null) return LATIN1_WORDS;
  if (codePoints !== wordsOwner) {
    ownWords = wordsOfCodePoints(codePoints);
    wordsOwner = codePoints;
  }
  return ownWords;
}

// Apart from wordsFor, which is called for every value: a closure over its parameter there
// made V8 allocate a context at each call (40 MiB of garbage for a 30 MiB file).
function wordsOfCodePoints(codePoints: Uint16Array): Uint32Array {
  return unitWords((unit) => (unit < 0xa0 ? codePoints[unit]! : unit));
}

const NO_VIEW = new DataView(new ArrayBuffer(0));

/**
 * A DataView of the last bytes asked for, made again only when they change (each value of a
 * chunk asks again, for its four-byte stores and reads).
 */
class ViewCache {
  private of: Uint8Array | null = null;
  private view: DataView = NO_VIEW;

  get(bytes: Uint8Array): DataView {
    if (bytes !== this.of) {
      this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      this.of = bytes;
    }
    return this.view;
  }

  forget(): void {
    this.of = null;
    this.view = NO_VIEW;
  }
}

/** The output chunk's, and the source file's. */
const chunkViews = new ViewCache();
const sourceViews = new ViewCache();

/**
 * Lets go of the chunk and the source the views were made of (JsonBytes.flush, after each
 * chunk): a module that held the last file's 30 MiB after its command was done would keep it
 * for the life of the process.
 */
function forgetViews(): void {
  chunkViews.forget();
  sourceViews.forget();
}

/** JSON.stringify's two-character escapes, by code unit; 0 where it writes `\u00XX`. */
const SHORT_ESCAPE: Uint8Array = (() => {
  const table = new Uint8Array(0x80);
  const short: Record<string, string> = {
    '\b': 'b',
    '\t': 't',
    '\n': 'n',
    '\f': 'f',
    '\r': 'r',
    '"': '"',
    '\\': '\\',
  };
  for (const [unit, letter] of Object.entries(short)) {
    table[unit.charCodeAt(0)] = letter.charCodeAt(0);
  }
  return table;
})();

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** Writes the escape of code unit `unit` (a control, `"`, `\` or a lone surrogate) at `at`. */
function writeEscape(bytes: Uint8Array, at: number, unit: number): number {
  bytes[at++] = 0x5c;
  const short = unit < 0x80 ? SHORT_ESCAPE[unit]! : 0;
  if (short !== 0) {
    bytes[at++] = short;
    return at;
  }
  bytes[at++] = 0x75; // u
  bytes[at++] = HEX[(unit >> 12) & 0xf]!;
  bytes[at++] = HEX[(unit >> 8) & 0xf]!;
  bytes[at++] = HEX[(unit >> 4) & 0xf]!;
  bytes[at++] = HEX[unit & 0xf]!;
  return at;
}

/**
 * Writes the UTF-8 of `text` at `at` as JSON.stringify escapes it inside its quotes, and gives
 * where it ended. The caller has made room: `text.length * MOST_BYTES_PER_UNIT` bytes. With
 * `codePoints`, each unit below 0xA0 stands for the code point the table gives (a
 * Windows-1252 text whose 0x80-0x9F are not yet resolved, see PENDING_C1_CODE_POINTS).
 */
export function putStringBody(
  bytes: Uint8Array,
  at: number,
  text: string,
  codePoints: Uint16Array | null,
  from = 0,
  to = text.length,
): number {
  const words = wordsFor(codePoints);
  const store = chunkViews.get(bytes);
  for (let i = from; i < to; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x100) {
      const word = words[unit]!;
      if (word === LONG) {
        at = writeEscape(bytes, at, unit);
      } else {
        // Room for six bytes a unit: the four stored never reach past it.
        store.setUint32(at, word, true);
        at += word >>> 24;
      }
    } else if (unit < 0x800) {
      bytes[at++] = 0xc0 | (unit >> 6);
      bytes[at++] = 0x80 | (unit & 0x3f);
    } else if (unit < 0xd800 || unit > 0xdfff) {
      bytes[at++] = 0xe0 | (unit >> 12);
      bytes[at++] = 0x80 | ((unit >> 6) & 0x3f);
      bytes[at++] = 0x80 | (unit & 0x3f);
    } else if (isHighSurrogate(unit) && i + 1 < to && isLowSurrogate(text.charCodeAt(i + 1))) {
      const point = ((unit - 0xd800) << 10) + (text.charCodeAt(++i) - 0xdc00) + 0x10000;
      bytes[at++] = 0xf0 | (point >> 18);
      bytes[at++] = 0x80 | ((point >> 12) & 0x3f);
      bytes[at++] = 0x80 | ((point >> 6) & 0x3f);
      bytes[at++] = 0x80 | (point & 0x3f);
    } else {
      // A lone surrogate: JSON.stringify escapes it (well-formed JSON.stringify, ES2019).
      at = writeEscape(bytes, at, unit);
    }
  }
  return at;
}

/**
 * putStringBody of the Windows-1252 text whose bytes `source[from..to)` are, one character
 * each (`codePoints`: PENDING_C1_CODE_POINTS, or null for Latin-1), read from the bytes: a
 * typed array reads faster than a string's units, the more so where the string is a slice of
 * the file's text.
 */
export function putWindows1252Body(
  bytes: Uint8Array,
  at: number,
  source: Uint8Array,
  codePoints: Uint16Array | null,
  from: number,
  to: number,
  /** The bytes are a quoted field's text as written: each `""` in it is one quote. */
  paired = false,
): number {
  const words = wordsFor(codePoints);
  const store = chunkViews.get(bytes);
  const read = sourceViews.get(source);
  const high = 0x80808080 | 0;
  let i = from;
  for (const last = to - 4; i <= last;) {
    // Four bytes at once where none needs more than itself: most of a message's bytes.
    const four = read.getInt32(i, true);
    // A high bit in each byte of `four` not written as itself in a JSON string (0x20-0x7F are,
    // but `"` and `\`), and 0 when every byte is. The tests are the bit tricks of "any byte
    // less than n" and "any byte zero" (Sean Anderson's Bit Twiddling Hacks): exact as yes or
    // no, and exact for the lowest byte flagged (a borrow only carries upward), so that byte,
    // the first in the source, is the first that is not plain. Written out here: as a function
    // of its own, V8 left it a call for every four bytes once this one was inlined into
    // MessageJson's put, whose inlining budget it had spent.
    const quote = four ^ 0x22222222;
    const backslash = four ^ 0x5c5c5c5c;
    const bad =
      (four & high) |
      (((four - 0x20202020) | 0) & ~four & high) |
      (((quote - 0x01010101) | 0) & ~quote & high) |
      (((backslash - 0x01010101) | 0) & ~backslash & high);
    if (bad === 0) {
      store.setInt32(at, four, true);
      at += 4;
      i += 4;
      continue;
    }
    // The plain bytes before the first that is not go out with the four (what follows writes
    // over the rest), and that one by the table: each byte that is not plain is tested in one
    // four, where one at a time after it tested it in up to four.
    store.setInt32(at, four, true);
    const plain = (31 - Math.clz32(bad & -bad)) >> 3;
    at += plain;
    i += plain;
    at = putWindows1252Byte(bytes, store, at, words, source[i]!);
    // Inside quotes every quote is the first of a pair: the second is skipped.
    i += paired && source[i] === 0x22 ? 2 : 1;
  }
  for (; i < to; i++) {
    at = putWindows1252Byte(bytes, store, at, words, source[i]!);
    if (paired && source[i] === 0x22) i++;
  }
  return at;
}

/** One byte by its word (or its escape). */
function putWindows1252Byte(
  bytes: Uint8Array,
  store: DataView,
  at: number,
  words: Uint32Array,
  byte: number,
): number {
  const word = words[byte]!;
  if (word === LONG) return writeEscape(bytes, at, byte);
  store.setUint32(at, word, true);
  return at + (word >>> 24);
}

/** Bytes encoded once (a key and its punctuation), with the words that store them. */
export interface Part {
  bytes: Uint8Array;
  /** `bytes` as little-endian words, the last one padded. */
  words: Uint32Array;
}

/** `text` as a Part. */
export function part(text: string): Part {
  const bytes = utf8.encode(text);
  const padded = new Uint8Array(Math.ceil(bytes.length / 4) * 4);
  padded.set(bytes);
  const words = new Uint32Array(padded.length / 4);
  const read = new DataView(padded.buffer);
  for (let k = 0; k < words.length; k++) words[k] = read.getUint32(k * 4, true);
  return { bytes, words };
}

/**
 * Writes `part` at `at`, four bytes at a time, and gives where it ended; it writes up to
 * SLACK_BYTES past it.
 */
export function putPart(bytes: Uint8Array, at: number, part: Part): number {
  const store = chunkViews.get(bytes);
  const words = part.words;
  for (let k = 0; k < words.length; k++) store.setUint32(at + 4 * k, words[k]!, true);
  return at + part.bytes.length;
}

/** Copies `part` (a key and its punctuation, encoded once) to `at`; gives where it ended. */
export function putBytes(bytes: Uint8Array, at: number, part: Uint8Array): number {
  for (let i = 0; i < part.length; i++) bytes[at++] = part[i]!;
  return at;
}

/**
 * A byte sink for JSON: text goes into a chunk, and each chunk filled is handed over whole:
 * a fresh one follows, so the one handed over may be held, or with `reuse` (for a `hand` that
 * has consumed the bytes when it returns) the same one is filled again.
 */
export class JsonBytes {
  #chunk: Uint8Array;
  /** Bytes of the chunk written: where the next byte goes. */
  used = 0;

  constructor(
    private readonly hand: (filled: Uint8Array) => void,
    private readonly chunkBytes = 1 << 20,
    private readonly reuse = false,
  ) {
    this.#chunk = new Uint8Array(chunkBytes);
  }

  /**
   * The chunk, with room for `bytes` more from `used` on, for a caller that writes them itself
   * (the put functions) and then moves `used` past them.
   */
  reserve(bytes: number): Uint8Array {
    if (this.used + bytes > this.#chunk.length) {
      this.flush();
      if (bytes > this.#chunk.length) this.#chunk = new Uint8Array(bytes);
    }
    return this.#chunk;
  }

  /** Bytes as they are (a key and its punctuation, encoded once). */
  raw(part: Uint8Array): void {
    this.used = putBytes(this.reserve(part.length), this.used, part);
  }

  /** A number as JSON.stringify writes it. */
  number(value: number): void {
    if (!isCount(value)) {
      this.raw(new TextEncoder().encode(JSON.stringify(value)));
      return;
    }
    this.used = putNumber(this.reserve(MOST_COUNT_DIGITS), this.used, value);
  }

  /** `JSON.stringify(text)` in UTF-8 (see putStringBody for `codePoints`). */
  string(text: string, codePoints: Uint16Array | null = null): void {
    this.raw(QUOTE);
    this.stringBody(text, codePoints);
    this.raw(QUOTE);
  }

  /** The same without its quotes, a block at a time: a long text needs no chunk of its size. */
  stringBody(text: string, codePoints: Uint16Array | null = null): void {
    for (let i = 0; i < text.length;) {
      let end = Math.min(text.length, i + BLOCK_UNITS);
      // A pair is never split: it would be read as two lone surrogates.
      if (isHighSurrogate(text.charCodeAt(end - 1)) && isLowSurrogate(text.charCodeAt(end))) end++;
      const bytes = this.reserve((end - i) * MOST_BYTES_PER_UNIT);
      this.used = putStringBody(bytes, this.used, text, codePoints, i, end);
      i = end;
    }
  }

  /** Hands over what is written and not yet handed. */
  flush(): void {
    forgetViews();
    if (this.used === 0) return;
    const filled = this.#chunk.subarray(0, this.used);
    if (!this.reuse) this.#chunk = new Uint8Array(this.chunkBytes);
    this.used = 0;
    this.hand(filled);
  }

  /** Forgets what is written and not yet handed. */
  drop(): void {
    this.used = 0;
  }
}
