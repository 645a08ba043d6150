/**
 * Windows-1252, the code page Excel writes CSV in on a Western-language Windows (SPEC section 3).
 *
 * The table is ours rather than the runtime's: Node's TextDecoder('windows-1252') decodes
 * 0x80-0x9F as Latin-1 since v20.18.3 (nodejs/node#60888), so the app, the emulated servers and
 * a browser preview would disagree about the same bytes if core trusted it.
 */
import type { ByteWindow } from './byte-window';

/** The five bytes Windows-1252 leaves undefined; a file holding one is `bad-encoding`. */
export const WINDOWS_1252_UNDEFINED: readonly number[] = [0x81, 0x8d, 0x8f, 0x90, 0x9d];

// Bytes 0x80-0x9F, where Windows-1252 differs from Latin-1 (index-windows-1252 of the WHATWG
// Encoding Standard, less the five bytes it maps to C1 controls and the SPEC leaves undefined).
// Every other byte is the code point of the same number.
// prettier-ignore
const HIGH_RANGE: readonly (number | null)[] = [
  0x20ac, null, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
  0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, null, 0x017d, null,
  null, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
  0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, null, 0x017e, 0x0178,
];

// U+FFFF is no Windows-1252 character, so it can mark the undefined bytes in a dense table.
const UNDEFINED = 0xffff;

const DECODE_TABLE: Uint16Array = (() => {
  const table = new Uint16Array(256);
  for (let byte = 0; byte < 256; byte++) {
    table[byte] = byte < 0x80 || byte > 0x9f ? byte : (HIGH_RANGE[byte - 0x80] ?? UNDEFINED);
  }
  return table;
})();

// The 27 characters above U+00FF (and outside the C1 range) that have a byte.
const ENCODE_HIGH: ReadonlyMap<number, number> = new Map(
  HIGH_RANGE.flatMap((codePoint, index) =>
    codePoint === null ? [] : [[codePoint, 0x80 + index] as const],
  ),
);

/** The code point byte `byte` stands for, or null for the five undefined bytes. */
export function windows1252CodePoint(byte: number): number | null {
  if (!Number.isInteger(byte) || byte < 0 || byte > 0xff) {
    throw new RangeError(`windows1252CodePoint: ${byte} is not a byte`);
  }
  const codePoint = DECODE_TABLE[byte] as number;
  return codePoint === UNDEFINED ? null : codePoint;
}

/** The byte for UTF-16 code unit `unit`, or -1 when Windows-1252 has none. */
function byteFor(unit: number): number {
  if (unit < 0x80 || (unit >= 0xa0 && unit <= 0xff)) return unit;
  return ENCODE_HIGH.get(unit) ?? -1;
}

/**
 * Whether every character of `text` has a Windows-1252 byte. The C1 controls U+0080-U+009F do
 * not: the bytes 0x80-0x9F stand for other characters, or for none.
 */
export function fitsWindows1252(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (byteFor(text.charCodeAt(i)) < 0) return false;
  }
  return true;
}

/** `text` in Windows-1252, or null when a character does not fit (see fitsWindows1252). */
export function encodeWindows1252(text: string): Uint8Array | null {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const byte = byteFor(text.charCodeAt(i));
    if (byte < 0) return null;
    bytes[i] = byte;
  }
  return bytes;
}

/** `text` in Windows-1252 with '?' for each character (code point) that does not fit. */
export function encodeWindows1252Lossy(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const byte = byteFor(unit);
    if (byte >= 0) {
      bytes[length++] = byte;
      continue;
    }
    bytes[length++] = 0x3f; // '?'
    // A surrogate pair is one character, so it becomes one '?'.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
  }
  return length === bytes.length ? bytes : bytes.slice(0, length);
}

export type Windows1252Decoding =
  | { ok: true; text: string }
  /** `offset` and `byte`: the first undefined byte; `count`: how many the bytes hold. */
  | { ok: false; offset: number; byte: number; count: number };

/**
 * Windows-1252 read one byte to one character, with 0x80-0x9F still the Latin-1 characters
 * U+0080-U+009F when `pendingC1`: finish a piece of it with resolveC1. Turning a 30 MiB text
 * into Windows-1252 whole makes every character two bytes wide and costs more than the whole
 * check, while the characters that need it sit in a few fields.
 */
export type Windows1252Reading =
  { ok: true; text: string; pendingC1: boolean } | Extract<Windows1252Decoding, { ok: false }>;

/** Turns bytes into the string of the same code points (U+0000-U+00FF), one per byte. */
export type Latin1Decoder = (bytes: Uint8Array) => string;

// WHATWG maps the label 'latin1' to Windows-1252, but Node since v20.18.3 decodes it as true
// Latin-1. Outside 0x80-0x9F both agree (each byte is its own code point), and both leave the
// five undefined bytes as U+0081, U+008D, U+008F, U+0090, U+009D; 0x80-0x9F are mapped from
// our table after, so every runtime gives the same text.
const webLatin1 = new TextDecoder('latin1');
export const WEB_LATIN1: Latin1Decoder = (bytes) => webLatin1.decode(bytes);

const C1_RANGE_ALL = /[\u0080-\u009f]/g;
const fromTable = (c: string) => String.fromCharCode(DECODE_TABLE[c.charCodeAt(0)] as number);
/** Past this many distinct characters in 0x80-0x9F, one replace with a callback is cheaper. */
const NATIVE_REPLACE_ROUNDS = 4;

/**
 * The code point each character of a pending text stands for: U+0080-U+009F are the bytes
 * 0x80-0x9F, every other character is itself.
 */
export const PENDING_C1_CODE_POINTS: Uint16Array = DECODE_TABLE;

/** What scanWindows1252 finds: whether the bytes hold 0x80-0x9F, or their undefined bytes. */
export type Windows1252Scan =
  { ok: true; pendingC1: boolean } | Extract<Windows1252Decoding, { ok: false }>;

/** The top bit of each byte of the word that is in 0x80-0x9F (its top three bits 100). */
function c1Bytes(word: number): number {
  // A byte of `x` is zero exactly where the word's byte is in 0x80-0x9F; then the classic
  // "has a zero byte" test, exact for whether there is one.
  const x = (word & 0xe0e0e0e0) ^ 0x80808080;
  return (x - 0x01010101) & ~x & 0x80808080;
}

/**
 * Where `byte` first stands in `bytes`, or -1. The Node side passes Buffer's search (memchr):
 * the five undefined bytes looked for that way cost a fifth of the scan's loop over a 30 MiB
 * file.
 */
export type ByteFinder = (bytes: Uint8Array, byte: number) => number;

/**
 * Reads `bytes` as Windows-1252 without making its text (check reads a Windows-1252 file's
 * bytes a piece at a time): whether it holds 0x80-0x9F at all, or where its undefined bytes
 * are. Four bytes at a time: 0x80-0x9F are rare even in a Danish file. With `find`, a file
 * without undefined bytes (nearly every one) is read only up to its first byte in 0x80-0x9F.
 */
export function scanWindows1252(bytes: Uint8Array, find?: ByteFinder): Windows1252Scan {
  if (find !== undefined && WINDOWS_1252_UNDEFINED.every((byte) => find(bytes, byte) < 0)) {
    return { ok: true, pendingC1: holdsC1(bytes) };
  }
  const end = bytes.length;
  const { head, words, tail } = alignedWords(bytes);
  let pendingC1 = false;
  let offset = -1;
  let count = 0;
  for (let i = 0; i < end; i++) {
    if (i === head) {
      // Past the head, the words; a word without such a byte is passed whole.
      for (let w = 0; w < words.length; w++) {
        if (c1Bytes(words[w]!) === 0) continue;
        for (let k = head + 4 * w, to = k + 4; k < to; k++) {
          const byte = bytes[k]!;
          if (!isC1(byte)) continue;
          pendingC1 = true;
          if (DECODE_TABLE[byte] !== UNDEFINED) continue;
          if (offset === -1) offset = k;
          count++;
        }
      }
      i = tail;
      if (i === end) break;
    }
    const byte = bytes[i]!;
    if (!isC1(byte)) continue;
    pendingC1 = true;
    if (DECODE_TABLE[byte] !== UNDEFINED) continue;
    if (offset === -1 || i < offset) offset = i;
    count++;
  }
  if (offset === -1) return { ok: true, pendingC1 };
  return { ok: false, offset, byte: bytes[offset]!, count };
}

/** Whether any byte of `bytes` is in 0x80-0x9F: the scan's loop, stopped at the first. */
function holdsC1(bytes: Uint8Array): boolean {
  const { head, words, tail } = alignedWords(bytes);
  for (let i = 0; i < head; i++) if (isC1(bytes[i]!)) return true;
  for (let w = 0; w < words.length; w++) if (c1Bytes(words[w]!) !== 0) return true;
  for (let i = tail; i < bytes.length; i++) if (isC1(bytes[i]!)) return true;
  return false;
}

/**
 * `bytes` as the words where its buffer is aligned for them, `head` bytes before them and the
 * bytes from `tail` after them, each read one by one.
 */
function alignedWords(bytes: Uint8Array): { head: number; words: Uint32Array; tail: number } {
  const end = bytes.length;
  const align = (4 - (bytes.byteOffset % 4)) % 4;
  const head = Math.min(end, align);
  const words =
    align <= end
      ? new Uint32Array(bytes.buffer, bytes.byteOffset + align, (end - align) >> 2)
      : new Uint32Array(0);
  return { head, words, tail: head + 4 * words.length };
}

/** Whether `byte` is in 0x80-0x9F (its top three bits 100). */
function isC1(byte: number): boolean {
  return (byte & 0xe0) === 0x80;
}

/**
 * Reads `bytes` as Windows-1252 one byte to one character, or finds its undefined bytes; see
 * Windows1252Reading.
 */
export function readWindows1252(
  bytes: Uint8Array,
  latin1: Latin1Decoder = WEB_LATIN1,
): Windows1252Reading {
  const scan = scanWindows1252(bytes);
  if (!scan.ok) return scan;
  return { ok: true, text: latin1(bytes), pendingC1: scan.pendingC1 };
}

/**
 * A pending text (Windows1252Reading), or a piece of it, in the characters its bytes stand for.
 * Each distinct character in 0x80-0x9F is mapped with a native replaceAll (a file has few of
 * them: €, ’, “, ”, –), each search starting where the last stopped, so even a 30 MiB text is
 * scanned about once.
 */
export function resolveC1(pending: string): string {
  let text = pending;
  let from = 0;
  for (let round = 0; round < NATIVE_REPLACE_ROUNDS; round++) {
    C1_RANGE_ALL.lastIndex = from;
    const found = C1_RANGE_ALL.exec(text);
    if (found === null) return text;
    const char = found[0];
    text = text.replaceAll(char, fromTable(char));
    from = found.index + 1;
  }
  return text.replace(C1_RANGE_ALL, fromTable);
}

/**
 * Resolves the fields of one pending text, asked for in the order they stand in it: it looks
 * for the next character in 0x80-0x9F once, ahead of the fields, instead of in every field.
 * It reads the text's bytes (one a character) where check has them, not a whole text.
 */
export class C1Resolver {
  /** Where the first pending character at or after the last field asked for is. */
  #next = -1;

  constructor(private readonly window: ByteWindow) {}

  /**
   * `value` is the text's characters from `start` on, or `start` is -1 (not one piece). A value
   * from the file is in its window (held there): looked for ahead as far as the window goes.
   */
  resolveAt(value: string, start: number): string {
    if (start < 0) return resolveC1(value);
    if (this.#next < start) {
      const { bytes, base } = this.window;
      let at = start - base;
      while (at < bytes.length && !isC1(bytes[at] as number)) at++;
      this.#next = at + base;
    }
    if (this.#next >= start + value.length) return value;
    // One pass with a callback: a field is short, and most hold one such character.
    return value.replace(C1_RANGE_ALL, fromTable);
  }
}

/** Decodes `bytes` as Windows-1252, or finds its undefined bytes. */
export function decodeWindows1252(
  bytes: Uint8Array,
  latin1: Latin1Decoder = WEB_LATIN1,
): Windows1252Decoding {
  const reading = readWindows1252(bytes, latin1);
  if (!reading.ok) return reading;
  return { ok: true, text: reading.pendingC1 ? resolveC1(reading.text) : reading.text };
}
