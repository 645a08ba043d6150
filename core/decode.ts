/**
 * How the server turns a file's bytes into text (SPEC section 3): a modifier in the name forces
 * UTF-8 or Windows-1252; otherwise a byte order mark decides, then the zero bytes of UTF-16 or
 * UTF-32 text, then whether the bytes are valid UTF-8, and Windows-1252 is what is left.
 */
import type { Problem } from './problems';
import { resolveC1, scanWindows1252, WEB_LATIN1 } from './windows1252';
import type { ByteFinder, Latin1Decoder } from './windows1252';
import { decodeUtf32, hex, scanUtf16, scanUtf8 } from './unicode-scan';
import type { Attempt, Invalid } from './unicode-scan';

export type Encoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be';
/** The encoding a file name's modifiers force (`.utf8`, `.cp1252`), or null to detect it. */
export type ForcedEncoding = 'utf8' | 'cp1252' | null;
export type EncodingSource = 'detected' | 'forced';

/** SPEC section 2: a larger file is `too-large`, rejected before it is decoded. */
export const MAX_FILE_BYTES = 31_457_280;

export type Decoded =
  | { ok: true; text: string; encoding: Encoding; source: EncodingSource; bomBytes: number }
  | { ok: false; encoding: Encoding; source: EncodingSource; problem: Problem };

/**
 * Decoded, except that Windows-1252 text may still hold 0x80-0x9F as U+0080-U+009F
 * (`pendingC1`, see Windows1252Reading): for check, which resolves only the fields it shows.
 */
export type DeferredDecoded =
  (Extract<Decoded, { ok: true }> & { pendingC1: boolean }) | Extract<Decoded, { ok: false }>;

/** The byte order mark of each encoding; Windows-1252 has none. */
export const BYTE_ORDER_MARKS: Readonly<Record<Encoding, readonly number[]>> = {
  'utf-8': [0xef, 0xbb, 0xbf],
  'windows-1252': [],
  'utf-16le': [0xff, 0xfe],
  'utf-16be': [0xfe, 0xff],
  'utf-32le': [0xff, 0xfe, 0x00, 0x00],
  'utf-32be': [0x00, 0x00, 0xfe, 0xff],
};

/** Every encoding core reads and writes: UTF-8 first, as the server tries it first. */
export const ENCODINGS = Object.keys(BYTE_ORDER_MARKS) as readonly Encoding[];

type UnicodeEncoding = Exclude<Encoding, 'windows-1252'>;

// The UTF-32LE mark begins with the UTF-16LE one, so it is tried first.
const BOM_ORDER: readonly UnicodeEncoding[] = [
  'utf-32le',
  'utf-32be',
  'utf-16le',
  'utf-16be',
  'utf-8',
];

// UTF-32 before UTF-16 here too: see detectWideWithoutBom.
const WIDE_ORDER = ['utf-32le', 'utf-32be', 'utf-16le', 'utf-16be'] as const;
type WideEncoding = (typeof WIDE_ORDER)[number];

/** SPEC: the zero-byte pattern of UTF-16/32 is looked for in the first 4 KiB. */
export const SNIFF_BYTES = 4096;

/** Each encoding's name as people write it. */
export const ENCODING_LABELS: Readonly<Record<Encoding, string>> = {
  'utf-8': 'UTF-8',
  'windows-1252': 'Windows-1252',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  'utf-32le': 'UTF-32LE',
  'utf-32be': 'UTF-32BE',
};

// Decoders are reusable: a decode() call that does not stream starts from a fresh state.
// ignoreBOM keeps a mark in the text, so dropping it is done here, once, and counted.
const utf8Fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf16Fatal = {
  'utf-16le': new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }),
  'utf-16be': new TextDecoder('utf-16be', { fatal: true, ignoreBOM: true }),
};

/** Why the file was read in an encoding, for the problem's message. */
interface Reading {
  encoding: Encoding;
  source: EncodingSource;
  bomBytes: number;
  /** Ends "...it was read as X because ___". */
  reason: string;
}

/** Decodes a file's bytes as the server does (SPEC section 3). */
export function decode(
  bytes: Uint8Array,
  forced: ForcedEncoding,
  latin1: Latin1Decoder = WEB_LATIN1,
): Decoded {
  const decoded = decodeDeferred(bytes, forced, latin1);
  if (!decoded.ok) return decoded;
  const { text, encoding, source, bomBytes, pendingC1 } = decoded;
  return { ok: true, text: pendingC1 ? resolveC1(text) : text, encoding, source, bomBytes };
}

/**
 * DeferredDecoded, except that a Windows-1252 file's text is not made (`text` null): its bytes
 * are its characters one to one, and check reads them a piece at a time. A whole 30 MiB text
 * was 30 MiB of memory the process had never touched, which cost more than copying it.
 */
export type LazyDecoded =
  | (Omit<Extract<DeferredDecoded, { ok: true }>, 'text'> & { text: string | null })
  | Extract<Decoded, { ok: false }>;

/** decode, leaving Windows-1252's 0x80-0x9F pending (see DeferredDecoded). */
export function decodeDeferred(
  bytes: Uint8Array,
  forced: ForcedEncoding,
  latin1: Latin1Decoder = WEB_LATIN1,
): DeferredDecoded {
  const decoded = decodeLazily(bytes, forced);
  if (!decoded.ok) return decoded;
  // Only Windows-1252 leaves its text unmade, and it has no byte order mark.
  return { ...decoded, text: decoded.text ?? latin1(bytes) };
}

/** decodeDeferred without a Windows-1252 file's text (see LazyDecoded). */
export function decodeLazily(
  bytes: Uint8Array,
  forced: ForcedEncoding,
  find?: ByteFinder,
): LazyDecoded {
  if (forced === 'utf8') {
    const bomBytes = startsWith(bytes, BYTE_ORDER_MARKS['utf-8']) ? 3 : 0;
    const reading: Reading = {
      encoding: 'utf-8',
      source: 'forced',
      bomBytes,
      reason: 'the name has .utf8',
    };
    return settle(reading, decodeUtf8(bytes, bomBytes), () => forcedUtf8Hint(bytes));
  }
  if (forced === 'cp1252') {
    const reading: Reading = {
      encoding: 'windows-1252',
      source: 'forced',
      bomBytes: 0,
      reason: 'the name has .cp1252',
    };
    return settle(reading, decodeCp1252(bytes, find), () =>
      tryUtf8(bytes, 0) === null ? '' : 'the bytes are valid UTF-8, so .cp1252 may be wrong for it',
    );
  }

  const bom = BOM_ORDER.find((encoding) => startsWith(bytes, BYTE_ORDER_MARKS[encoding]));
  if (bom !== undefined) {
    const bomBytes = BYTE_ORDER_MARKS[bom].length;
    const reading: Reading = {
      encoding: bom,
      source: 'detected',
      bomBytes,
      reason: `it starts with a ${ENCODING_LABELS[bom]} byte order mark`,
    };
    return settle(reading, decodeUnicode(bom, bytes, bomBytes));
  }

  const wide = detectWideWithoutBom(bytes);
  if (wide !== null) {
    const reading: Reading = {
      encoding: wide,
      source: 'detected',
      bomBytes: 0,
      reason: `the zero bytes in its first line are those of ${ENCODING_LABELS[wide]} text`,
    };
    return settle(reading, decodeUnicode(wide, bytes, 0));
  }

  const utf8 = tryUtf8(bytes, 0);
  if (utf8 !== null) {
    return {
      ok: true,
      text: utf8,
      encoding: 'utf-8',
      source: 'detected',
      bomBytes: 0,
      pendingC1: false,
    };
  }
  const cp1252 = decodeCp1252(bytes, find);
  if (cp1252.ok) {
    return {
      ok: true,
      text: cp1252.text,
      encoding: 'windows-1252',
      source: 'detected',
      bomBytes: 0,
      pendingC1: cp1252.pendingC1 ?? false,
    };
  }
  // Read again only now, to point a person whose UTF-8 has one broken byte at that byte.
  const firstUtf8Error = mustFind(scanUtf8(bytes, 0), 'UTF-8').offset;
  const reading: Reading = {
    encoding: 'windows-1252',
    source: 'detected',
    bomBytes: 0,
    reason: `it is not valid UTF-8 (its first invalid UTF-8 sequence is at offset ${firstUtf8Error})`,
  };
  return settle(reading, cp1252);
}

/**
 * Whether a file's first bytes (SNIFF_BYTES of them, or all) make it Unicode before its other
 * bytes are read: a byte order mark, or the zero bytes of UTF-16 or UTF-32 (decodeLazily's first
 * two rules).
 */
export function markedOrWide(first: Uint8Array): boolean {
  const marked = BOM_ORDER.some((encoding) => startsWith(first, BYTE_ORDER_MARKS[encoding]));
  return marked || detectWideWithoutBom(first) !== null;
}

/** Whether `bytes` are valid UTF-8, as decodeLazily's decoder finds them. */
export function isValidUtf8(bytes: Uint8Array): boolean {
  return tryUtf8(bytes, 0) !== null;
}

function settle(reading: Reading, attempt: Attempt, hint?: () => string): LazyDecoded {
  const { encoding, source, bomBytes } = reading;
  if (attempt.ok) {
    const pendingC1 = attempt.pendingC1 ?? false;
    return { ok: true, text: attempt.text, encoding, source, bomBytes, pendingC1 };
  }
  const label = ENCODING_LABELS[encoding];
  const noun =
    encoding === 'utf-8'
      ? 'invalid sequences'
      : encoding === 'windows-1252'
        ? 'undefined bytes'
        : 'encoding errors';
  const tally = attempt.count > 1 ? ` (the first of ${attempt.count} ${noun})` : '';
  const extra = hint?.() ?? '';
  const message =
    `The file is not valid ${label}: ${attempt.detail}${tally}; ` +
    `it was read as ${label} because ${reading.reason}${extra === '' ? '' : `; ${extra}`}.`;
  return {
    ok: false,
    encoding,
    source,
    problem: {
      row: null,
      column: null,
      code: 'bad-encoding',
      message,
      offset: attempt.offset,
      values: { kind: 'decode', encoding: label, offset: attempt.offset, count: attempt.count },
    },
  };
}

/**
 * A UTF-16 or UTF-32 file named `.utf8` is read as UTF-8 (SPEC section 3); when that fails,
 * the message says why the file's own encoding was not used.
 */
function forcedUtf8Hint(bytes: Uint8Array): string {
  const bom = BOM_ORDER.find(
    (encoding) => encoding !== 'utf-8' && startsWith(bytes, BYTE_ORDER_MARKS[encoding]),
  );
  const wide = bom ?? detectWideWithoutBom(bytes);
  if (wide === undefined || wide === null) return '';
  const looks = bom === undefined ? 'looks like' : 'starts with the byte order mark of';
  return (
    `the file ${looks} ${ENCODING_LABELS[wide]}, which is understood only when the name ` +
    'leaves the encoding to detection (no .utf8 or .cp1252)'
  );
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) {
    if (bytes[i] !== prefix[i]) return false;
  }
  return true;
}

/**
 * UTF-16 and UTF-32 without a byte order mark. The header is ASCII, so the rule reads the
 * first line: the whole code units in the first 4 KiB, up to and including the first LF.
 * The first of UTF-32LE, UTF-32BE, UTF-16LE and UTF-16BE in which there is at least one unit
 * and every unit is an ASCII character other than NUL wins. A unit holds a zero byte beside
 * its ASCII byte, so text with no zero bytes is never taken for UTF-16 or UTF-32. The UTF-32
 * forms come first because UTF-32 whose first line is a lone LF (0A 00 00 00) also reads as
 * a UTF-16 line of one LF unit; otherwise the zero units keep the forms apart.
 */
function detectWideWithoutBom(bytes: Uint8Array): WideEncoding | null {
  const window = Math.min(bytes.length, SNIFF_BYTES);
  for (const encoding of WIDE_ORDER) {
    if (firstLineIsAscii(bytes, window, encoding)) return encoding;
  }
  return null;
}

function firstLineIsAscii(bytes: Uint8Array, window: number, encoding: WideEncoding): boolean {
  const unitBytes = encoding === 'utf-32le' || encoding === 'utf-32be' ? 4 : 2;
  const asciiAt = encoding.endsWith('le') ? 0 : unitBytes - 1;
  const end = window - (window % unitBytes);
  if (end === 0) return false;
  for (let unit = 0; unit < end; unit += unitBytes) {
    for (let k = 0; k < unitBytes; k++) {
      const byte = bytes[unit + k] as number;
      if (k === asciiAt ? byte === 0 || byte >= 0x80 : byte !== 0) return false;
    }
    if (bytes[unit + asciiAt] === 0x0a) return true;
  }
  return true;
}

function decodeUnicode(encoding: UnicodeEncoding, bytes: Uint8Array, start: number): Attempt {
  switch (encoding) {
    case 'utf-8':
      return decodeUtf8(bytes, start);
    case 'utf-16le':
    case 'utf-16be':
      return decodeUtf16(bytes, start, encoding);
    case 'utf-32le':
    case 'utf-32be':
      return decodeUtf32(bytes, start, encoding === 'utf-32le');
  }
}

function decodeCp1252(bytes: Uint8Array, find: ByteFinder | undefined): Attempt {
  const result = scanWindows1252(bytes, find);
  if (result.ok) return { ok: true, text: null, pendingC1: result.pendingC1 };
  return {
    ok: false,
    offset: result.offset,
    detail: `byte ${hex(result.byte, 2)} at offset ${result.offset} is not defined in Windows-1252`,
    count: result.count,
  };
}

function tryUtf8(bytes: Uint8Array, start: number): string | null {
  try {
    return utf8Fatal.decode(bytes.subarray(start));
  } catch (error) {
    if (error instanceof TypeError) return null;
    throw error;
  }
}

// The native decoder is fast but tells only that the bytes are invalid; the scan that says
// where runs only then.
function decodeUtf8(bytes: Uint8Array, start: number): Attempt {
  const text = tryUtf8(bytes, start);
  if (text !== null) return { ok: true, text };
  return { ok: false, ...mustFind(scanUtf8(bytes, start), 'UTF-8') };
}

function decodeUtf16(bytes: Uint8Array, start: number, encoding: 'utf-16le' | 'utf-16be'): Attempt {
  try {
    return { ok: true, text: utf16Fatal[encoding].decode(bytes.subarray(start)) };
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
  }
  return { ok: false, ...mustFind(scanUtf16(bytes, start, encoding === 'utf-16le'), 'UTF-16') };
}

function mustFind(invalid: Invalid | null, label: string): Invalid {
  if (invalid === null) {
    throw new Error(`The runtime rejected ${label} that core's scan finds valid`);
  }
  return invalid;
}
