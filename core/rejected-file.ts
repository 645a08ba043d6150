/**
 * The cause read back from a rejected file's bytes (SPEC 8), whatever encoding the server wrote
 * it in: the reading side of appendCause, for a client that downloads a `.rejected` file.
 */
import { parseCause, unitOf } from './cause';
import type { ParsedCause } from './cause';
import { decode, ENCODINGS } from './decode';
import type { Encoding, ForcedEncoding } from './decode';
import { resolveC1, WEB_LATIN1 } from './windows1252';
import type { Latin1Decoder } from './windows1252';

const REPLACEMENT = 0xfffd;

/** UTF-32 with every unit that is not a Unicode scalar value read as U+FFFD. */
function utf32Leniently(bytes: Uint8Array, littleEndian: boolean): string {
  const whole = bytes.length & ~3;
  // At most two UTF-16 units a code point, four bytes: never more than its UTF-32 unit.
  const out = new Uint8Array(whole);
  let written = 0;
  const put = (unit: number) => {
    out[written++] = unit & 0xff;
    out[written++] = unit >>> 8;
  };
  for (let i = 0; i < whole; i += 4) {
    const codePoint = littleEndian
      ? (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24)) >>> 0
      : ((bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!) >>> 0;
    if (codePoint < 0xd800 || (codePoint > 0xdfff && codePoint < 0x10000)) {
      put(codePoint);
    } else if (codePoint >= 0x10000 && codePoint <= 0x10ffff) {
      put(0xd800 | ((codePoint - 0x10000) >>> 10));
      put(0xdc00 | ((codePoint - 0x10000) & 0x3ff));
    } else {
      put(REPLACEMENT);
    }
  }
  return new TextDecoder('utf-16le').decode(out.subarray(0, written));
}

/**
 * A file that does not decode, read in `encoding` all the same, what is not valid as U+FFFD.
 * Code units are counted back from the end of the file, where the cause ends: a cause appended
 * after a lone trailing byte, without padding, still reads.
 */
function readLeniently(bytes: Uint8Array, encoding: Encoding, latin1: Latin1Decoder): string {
  const aligned = bytes.subarray(bytes.length % unitOf(encoding).size);
  switch (encoding) {
    case 'windows-1252':
      return resolveC1(latin1(aligned));
    case 'utf-32le':
    case 'utf-32be':
      return utf32Leniently(aligned, encoding === 'utf-32le');
    default:
      return new TextDecoder(encoding).decode(aligned);
  }
}

/**
 * The cause at the end of a rejected file, or null when it has none that core can read. The file
 * is decoded as the server decoded it (`forced` from its name's modifiers); one the server could
 * not decode has its cause in the encoding it was read as, and one it did not read (too large)
 * in UTF-8. Where that finds none, every other encoding is tried: the block checks itself (its
 * header, its counts), so a wrong one reads as none, and a file whose appended cause changed
 * how it is detected (a short UTF-16 file without a byte order mark) is still read.
 */
export function causeInFile(
  bytes: Uint8Array,
  forced: ForcedEncoding,
  latin1: Latin1Decoder = WEB_LATIN1,
): ParsedCause | null {
  const decoded = decode(bytes, forced, latin1);
  const first = decoded.ok ? decoded.text : readLeniently(bytes, decoded.encoding, latin1);
  const found = parseCause(first);
  if (found !== null) return found;
  for (const encoding of ENCODINGS) {
    if (encoding === decoded.encoding) continue;
    const cause = parseCause(readLeniently(bytes, encoding, latin1));
    if (cause !== null) return cause;
  }
  return null;
}

/** The most lines `linesAtEnd` gives, and the most characters of each. */
export const END_LINES = 20;
export const END_LINE_CHARS = 300;

/** C0 and C1 controls but the tab: nothing the server wrote may move a terminal's cursor. */
function isControl(c: number): boolean {
  return (c < 0x20 && c !== 0x09) || (c >= 0x7f && c <= 0x9f);
}

function withoutControls(line: string): string {
  let out = '';
  for (let i = 0; i < line.length; i++) {
    out += isControl(line.charCodeAt(i)) ? '\ufffd' : line[i];
  }
  return out;
}

/**
 * The last lines of a rejected file whose cause is not one parseCause reads: the server's own
 * words at the bottom of the file, shown as they are, since the provider's page says no more
 * than that the cause is "added to the bottom of the file" (issue 19). Read up from the end, the
 * empty lines there left out, to the first empty line (the server sets its text apart with one)
 * or at most `count` lines; control characters become U+FFFD and a line longer than
 * END_LINE_CHARS is cut, ending in `…`. Empty for a file with nothing but empty lines.
 */
export function linesAtEnd(
  bytes: Uint8Array,
  forced: ForcedEncoding,
  latin1: Latin1Decoder = WEB_LATIN1,
  count: number = END_LINES,
): string[] {
  const decoded = decode(bytes, forced, latin1);
  const text = decoded.ok ? decoded.text : readLeniently(bytes, decoded.encoding, latin1);
  const lines: string[] = [];
  let end = text.length;
  while (end > 0 && lines.length < count) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    let line = text.slice(start, end);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    end = start - 1;
    if (line.trim() === '') {
      if (lines.length > 0) break;
      continue;
    }
    if (line.length > END_LINE_CHARS) {
      // Cut between code points, never inside a surrogate pair.
      const cut = /[\ud800-\udbff]/.test(line.charAt(END_LINE_CHARS - 2)) ? 2 : 1;
      line = `${line.slice(0, END_LINE_CHARS - cut)}…`;
    }
    lines.push(withoutControls(line));
  }
  return lines.reverse();
}
