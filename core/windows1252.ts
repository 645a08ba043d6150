/**
 * Windows-1252, the code page Excel writes CSV in on a Western-language Windows (SPEC section 3).
 *
 * The table is ours rather than the runtime's: Node's TextDecoder('windows-1252') decodes
 * 0x80-0x9F as Latin-1 since v20.18.3 (nodejs/node#60888), so the app, the emulated servers and
 * a browser preview would disagree about the same bytes if core trusted it.
 */

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

// Strings are built from little-endian UTF-16 bytes so the native decoder does the
// allocation; written byte by byte, the result does not depend on the platform's endianness.
const utf16le = new TextDecoder('utf-16le', { ignoreBOM: true });

/** Decodes `bytes` as Windows-1252, or finds its undefined bytes. One pass over the bytes. */
export function decodeWindows1252(bytes: Uint8Array): Windows1252Decoding {
  const length = bytes.length;
  const units = new Uint8Array(length * 2);
  let firstUndefined = -1;
  let undefinedCount = 0;
  for (let i = 0, j = 0; i < length; i++, j += 2) {
    const codePoint = DECODE_TABLE[bytes[i] as number] as number;
    if (codePoint === UNDEFINED) {
      if (undefinedCount++ === 0) firstUndefined = i;
      continue;
    }
    units[j] = codePoint & 0xff;
    units[j + 1] = codePoint >>> 8;
  }
  if (undefinedCount > 0) {
    return {
      ok: false,
      offset: firstUndefined,
      byte: bytes[firstUndefined] as number,
      count: undefinedCount,
    };
  }
  return { ok: true, text: utf16le.decode(units) };
}
