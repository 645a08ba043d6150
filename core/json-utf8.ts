/**
 * JSON's text written straight into UTF-8 bytes, one UTF-16 unit at a time, as
 * `TextEncoder.encode(JSON.stringify(text))` would write it: no string is made for it, so a
 * verdict of 300,000 messages leaves nothing for the collector (verdict-json.ts).
 */

/** The most bytes one UTF-16 unit takes here: `\u001f`, or a lone surrogate's `\udfff`. */
export const MAX_BYTES_PER_UNIT = 6;

const HEX = [48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102];
const BACKSLASH = 0x5c;
const QUOTE = 0x22;
/** JSON.stringify's short escapes, by the control character they stand for. */
const SHORT_ESCAPES: Partial<Record<number, number>> = {
  0x08: 0x62, // \b
  0x09: 0x74, // \t
  0x0a: 0x6e, // \n
  0x0c: 0x66, // \f
  0x0d: 0x72, // \r
};

/** `\uXXXX` in lowercase hex, as JSON.stringify writes a control or a lone surrogate. */
function unicodeEscape(code: number, into: Uint8Array, at: number): number {
  into[at] = BACKSLASH;
  into[at + 1] = 0x75;
  into[at + 2] = HEX[code >> 12]!;
  into[at + 3] = HEX[(code >> 8) & 15]!;
  into[at + 4] = HEX[(code >> 4) & 15]!;
  into[at + 5] = HEX[code & 15]!;
  return at + 6;
}

/** Text known to be ASCII without anything JSON escapes (keys, numbers), as it is. */
export function writeAscii(text: string, into: Uint8Array, at: number): number {
  for (let i = 0; i < text.length; i++) into[at++] = text.charCodeAt(i);
  return at;
}

/**
 * `JSON.stringify(text)` in UTF-8 into `into` from `at`, which has room for
 * `text.length * MAX_BYTES_PER_UNIT + 2` bytes; where it ends.
 */
export function writeJsonString(text: string, into: Uint8Array, at: number): number {
  into[at++] = QUOTE;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x20 && c !== QUOTE && c !== BACKSLASH) {
        into[at++] = c;
      } else if (c === QUOTE || c === BACKSLASH) {
        into[at++] = BACKSLASH;
        into[at++] = c;
      } else {
        const short = SHORT_ESCAPES[c];
        if (short === undefined) {
          at = unicodeEscape(c, into, at);
        } else {
          into[at++] = BACKSLASH;
          into[at++] = short;
        }
      }
    } else if (c < 0x800) {
      into[at++] = 0xc0 | (c >> 6);
      into[at++] = 0x80 | (c & 0x3f);
    } else if (c < 0xd800 || c > 0xdfff) {
      into[at++] = 0xe0 | (c >> 12);
      into[at++] = 0x80 | ((c >> 6) & 0x3f);
      into[at++] = 0x80 | (c & 0x3f);
    } else {
      const next = i + 1 < length ? text.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        const point = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        into[at++] = 0xf0 | (point >> 18);
        into[at++] = 0x80 | ((point >> 12) & 0x3f);
        into[at++] = 0x80 | ((point >> 6) & 0x3f);
        into[at++] = 0x80 | (point & 0x3f);
        i++;
      } else {
        // A lone surrogate: JSON.stringify escapes it rather than write an invalid character.
        at = unicodeEscape(c, into, at);
      }
    }
  }
  into[at++] = QUOTE;
  return at;
}

/** How many bytes writeJsonString writes for `text`, for a text too long to allow the most. */
export function jsonStringBytes(text: string): number {
  let bytes = 2;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      bytes += c >= 0x20 && c !== QUOTE && c !== BACKSLASH ? 1 : c < 0x20 ? 6 : 2;
      if (c < 0x20 && SHORT_ESCAPES[c] !== undefined) bytes -= 4;
    } else if (c < 0x800) {
      bytes += 2;
    } else if (c < 0xd800 || c > 0xdfff) {
      bytes += 3;
    } else {
      const next = i + 1 < length ? text.charCodeAt(i + 1) : 0;
      const pair = c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
      bytes += pair ? 4 : 6;
      if (pair) i++;
    }
  }
  return bytes;
}
