/**
 * Text to bytes in one of the encodings the server reads (SPEC section 3): for the rejection
 * cause, appended in the file's own encoding (SPEC section 8), and for the files the app writes.
 */
import { BYTE_ORDER_MARKS } from './decode';
import type { Encoding } from './decode';
import { encodeWindows1252Lossy } from './windows1252';

const utf8 = new TextEncoder();

/**
 * `text` in `encoding`, without a byte order mark. Whatever the result, it decodes again: a
 * character Windows-1252 has no byte for becomes '?', and a lone surrogate, which no Unicode
 * encoding can hold, becomes U+FFFD (as TextEncoder does for UTF-8).
 */
export function encodeText(text: string, encoding: Encoding): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return utf8.encode(text);
    case 'windows-1252':
      return encodeWindows1252Lossy(text);
    case 'utf-16le':
    case 'utf-16be':
      return encodeUtf16(text, encoding === 'utf-16le');
    case 'utf-32le':
    case 'utf-32be':
      return encodeUtf32(text, encoding === 'utf-32le');
  }
}

/** The byte order mark of `encoding`; empty for Windows-1252, which has none. */
export function byteOrderMark(encoding: Encoding): Uint8Array {
  return Uint8Array.from(BYTE_ORDER_MARKS[encoding]);
}

const REPLACEMENT = 0xfffd;

function encodeUtf16(text: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  const high = littleEndian ? 1 : 0;
  const low = 1 - high;
  for (let i = 0; i < text.length; i++) {
    let unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdfff) {
      // A pair is copied as it is; its low half is written on the next turn.
      const pairs = unit <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1));
      const afterHigh = unit >= 0xdc00 && i > 0 && isHighSurrogate(text.charCodeAt(i - 1));
      if (!pairs && !afterHigh) unit = REPLACEMENT;
    }
    bytes[2 * i + high] = unit >>> 8;
    bytes[2 * i + low] = unit & 0xff;
  }
  return bytes;
}

function encodeUtf32(text: string, littleEndian: boolean): Uint8Array {
  // At most one code point per UTF-16 unit, so the buffer is trimmed to what pairs left.
  const bytes = new Uint8Array(text.length * 4);
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    let codePoint = text.charCodeAt(i);
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) {
      const next = text.charCodeAt(i + 1);
      if (codePoint <= 0xdbff && isLowSurrogate(next)) {
        codePoint = 0x10000 + ((codePoint - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else {
        codePoint = REPLACEMENT;
      }
    }
    if (littleEndian) {
      bytes[length] = codePoint & 0xff;
      bytes[length + 1] = (codePoint >>> 8) & 0xff;
      bytes[length + 2] = codePoint >>> 16;
    } else {
      bytes[length + 1] = codePoint >>> 16;
      bytes[length + 2] = (codePoint >>> 8) & 0xff;
      bytes[length + 3] = codePoint & 0xff;
    }
    length += 4;
  }
  return length === bytes.length ? bytes : bytes.slice(0, length);
}

// charCodeAt outside the string is NaN, which is no surrogate.
function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
