/**
 * JSON written straight into UTF-8 bytes: each string escaped and encoded in one pass over its
 * code units, as `JSON.stringify` then `TextEncoder` would make it, without the string of the
 * whole text. For `check --json`'s 60 MiB of messages, joining them into strings, testing each
 * for what needs escaping and encoding the joined text natively cost three times the check
 * itself (most of it V8's UTF-8 encoder and the collector): this loop costs a fraction of it.
 */

/** A string is written at most this many code units at a time, so its room stays small. */
const BLOCK_UNITS = 1 << 14;
/** The most bytes one code unit becomes: `\u00XX` or `\udXXX` (a pair is 4 bytes for two). */
export const MOST_BYTES_PER_UNIT = 6;
const QUOTE = Uint8Array.of(0x22);
const HEX = Uint8Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

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
  for (let i = from; i < to; i++) {
    let unit = text.charCodeAt(i);
    if (unit < 0x80) {
      if (unit >= 0x20 && unit !== 0x22 && unit !== 0x5c) bytes[at++] = unit;
      else at = writeEscape(bytes, at, unit);
      continue;
    }
    if (unit < 0xa0 && codePoints !== null) unit = codePoints[unit]!;
    if (unit < 0x800) {
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
 * each (`codePoints`: PENDING_C1_CODE_POINTS), read from the bytes: a typed array reads faster
 * than a string's units, the more so where the string is a slice of the file's text.
 */
export function putWindows1252Body(
  bytes: Uint8Array,
  at: number,
  source: Uint8Array,
  codePoints: Uint16Array,
  from: number,
  to: number,
): number {
  for (let i = from; i < to; i++) {
    const byte = source[i]!;
    if (byte < 0x80) {
      if (byte >= 0x20 && byte !== 0x22 && byte !== 0x5c) bytes[at++] = byte;
      else at = writeEscape(bytes, at, byte);
      continue;
    }
    const unit = codePoints[byte]!;
    if (unit < 0x800) {
      bytes[at++] = 0xc0 | (unit >> 6);
      bytes[at++] = 0x80 | (unit & 0x3f);
    } else {
      bytes[at++] = 0xe0 | (unit >> 12);
      bytes[at++] = 0x80 | ((unit >> 6) & 0x3f);
      bytes[at++] = 0x80 | (unit & 0x3f);
    }
  }
  return at;
}

/** Copies `part` (a key and its punctuation, encoded once) to `at`; gives where it ended. */
export function putBytes(bytes: Uint8Array, at: number, part: Uint8Array): number {
  for (let i = 0; i < part.length; i++) bytes[at++] = part[i]!;
  return at;
}

/** Whether putNumber writes `value` as JSON.stringify does. */
export function isCount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

/** The most digits a count has (Number.MAX_SAFE_INTEGER). */
export const MOST_COUNT_DIGITS = 16;

/** Writes a count (isCount) in decimal at `at`; gives where it ended. */
export function putNumber(bytes: Uint8Array, at: number, value: number): number {
  let digits = 1;
  for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) digits++;
  const end = at + digits;
  let digit = end;
  let rest = value;
  do {
    bytes[--digit] = 0x30 + (rest % 10);
    rest = Math.floor(rest / 10);
  } while (rest > 0);
  return end;
}

/**
 * A byte sink for JSON: text goes into a chunk, and each chunk filled is handed over whole
 * (a fresh one follows, so the one handed over may be held).
 */
export class JsonBytes {
  #chunk: Uint8Array;
  /** Bytes of the chunk written: where the next byte goes. */
  used = 0;

  constructor(
    private readonly hand: (filled: Uint8Array) => void,
    private readonly chunkBytes = 1 << 20,
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
    if (this.used === 0) return;
    const filled = this.#chunk.subarray(0, this.used);
    this.#chunk = new Uint8Array(this.chunkBytes);
    this.used = 0;
    this.hand(filled);
  }

  /** Forgets what is written and not yet handed. */
  drop(): void {
    this.used = 0;
  }
}
