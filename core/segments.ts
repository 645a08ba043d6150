/**
 * How a message is encoded and how many SMS parts it takes (SPEC section 7): GSM-7 when every
 * character is in the GSM 03.38 default alphabet or its extension table, else UCS-2.
 */
import { PENDING_C1_CODE_POINTS } from './windows1252';

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export const MAX_PARTS = 10;
export const MAX_GSM7_SEPTETS = 1530;
export const MAX_UCS2_UNITS = 670;

/** A single-part message may use the whole payload... */
export const GSM7_SINGLE_PART_SEPTETS = 160;
export const UCS2_SINGLE_PART_UNITS = 70;
/** ...a multi-part one loses room in every part to the concatenation header. */
export const GSM7_PART_SEPTETS = 153;
export const UCS2_PART_UNITS = 67;

export interface Segments {
  encoding: SmsEncoding;
  /** GSM-7 septets (extension characters count 2) or UCS-2 UTF-16 code units. */
  units: number;
  /** 0 for the empty message. */
  parts: number;
}

/**
 * The GSM 03.38 default alphabet in code order (3GPP TS 23.038, 6.2.1), so it can be read
 * against the standard's table. 0x1B is the escape to the extension table, not a character;
 * it holds a placeholder here and is skipped. 0x09 is the capital Ç, as the standard has it.
 */
const BASIC_ALPHABET =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const ESCAPE_POSITION = 0x1b;

/** The extension table (6.2.1.1): each is sent as escape + character, so it costs 2 septets. */
const EXTENSION_CHARACTERS = '\f^{}\\[~]|€';

/**
 * Septets per UTF-16 code unit over the whole BMP (0 = not GSM-7), built once: countSegments
 * runs for every row of a 250,000-row file, so the inner loop is one typed-array read. Every
 * GSM-7 character is in the BMP and none is a surrogate, so a code unit lookup is exact.
 */
const SEPTETS = buildSeptetTable();

/** What each UTF-16 code unit costs in septets, 0 where GSM-7 cannot carry it. */
export type SeptetTable = Uint8Array;
export const GSM7_SEPTETS: SeptetTable = SEPTETS;

/**
 * The table for a Windows-1252 text whose 0x80-0x9F are still pending (Windows1252Reading):
 * U+0080-U+009F cost what the characters those bytes stand for cost (€ is an extension
 * character, the others are outside GSM-7). Each stands for one BMP character, so UCS-2
 * units are the same too.
 */
export const PENDING_C1_SEPTETS: SeptetTable = (() => {
  const table = SEPTETS.slice();
  for (let unit = 0x80; unit <= 0x9f; unit++) {
    table[unit] = SEPTETS[PENDING_C1_CODE_POINTS[unit] as number] ?? 0;
  }
  return table;
})();

function buildSeptetTable(): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let i = 0; i < BASIC_ALPHABET.length; i++) {
    if (i !== ESCAPE_POSITION) table[BASIC_ALPHABET.charCodeAt(i)] = 1;
  }
  for (let i = 0; i < EXTENSION_CHARACTERS.length; i++) {
    table[EXTENSION_CHARACTERS.charCodeAt(i)] = 2;
  }
  return table;
}

/** Septets a code point costs in GSM-7: 1 basic, 2 extension, 0 when GSM-7 cannot carry it. */
export function gsm7Septets(codePoint: number): 0 | 1 | 2 {
  // Out-of-range and non-integer indexes read undefined from a typed array.
  return (SEPTETS[codePoint] ?? 0) as 0 | 1 | 2;
}

/** Whether a code point is in the GSM 03.38 basic set or its extension table. */
export function isGsm7Char(codePoint: number): boolean {
  return gsm7Septets(codePoint) !== 0;
}

/**
 * The segments of `text`, or of its characters from `start` to `end`: check counts a message
 * where it stands in the file's text, which reads faster than the message's own slice.
 */
export function countSegments(
  text: string,
  septets: SeptetTable = SEPTETS,
  start = 0,
  end = text.length,
): Segments {
  let total = 0;
  for (let i = start; i < end; i++) {
    const cost = septets[text.charCodeAt(i)] as number;
    if (cost === 0) {
      return countUcs2(start === 0 && end === text.length ? text : text.slice(start, end));
    }
    total += cost;
  }
  return gsm7Segments(text, septets, start, end, total);
}

/** A GSM-7 message of `total` septets, `text[start..end)`, in parts (SPEC 7). */
export function gsm7Segments(
  text: string,
  septets: SeptetTable,
  start: number,
  end: number,
  total: number,
): Segments {
  if (total <= GSM7_SINGLE_PART_SEPTETS) {
    return { encoding: 'GSM-7', units: total, parts: total === 0 ? 0 : 1 };
  }
  // Only an escape pair can be pushed whole into the next part; without one, parts are even.
  if (total === end - start) {
    return { encoding: 'GSM-7', units: total, parts: Math.ceil(total / GSM7_PART_SEPTETS) };
  }
  return { encoding: 'GSM-7', units: total, parts: gsm7PartsLaidOut(text, septets, start, end) };
}

// Kept out of gsm7Segments so that V8 inlines the common case into the counting loops.
function gsm7PartsLaidOut(text: string, septets: SeptetTable, start: number, end: number): number {
  let parts = 1;
  let fill = 0;
  for (let i = start; i < end; i++) {
    const cost = septets[text.charCodeAt(i)] as number;
    fill += cost;
    if (fill > GSM7_PART_SEPTETS) {
      parts++;
      fill = cost;
    }
  }
  return parts;
}

/**
 * countSegments of a message in a file read one byte to one character (Windows-1252, pending or
 * not), `bytes[start..end)`, without the text: V8 reads a byte array about twice as fast as a
 * string's characters, and check makes no string of a Windows-1252 message it only counts.
 * Written into `into` where given: check reads a row's segments before the next row's, and an
 * object a row was 12 MiB of the 30 MiB file's garbage.
 */
export function countSegmentsInBytes(
  bytes: Uint8Array,
  septets: SeptetTable,
  start: number,
  end: number,
  into?: Segments,
  /** The bytes are a quoted field's text as written: each `""` in it is one quote. */
  paired = false,
): Segments {
  if (paired) return countPairedBytes(bytes, septets, start, end, into);
  const pairs = pairCosts(septets);
  let total = 0;
  let i = start;
  // Two bytes a read and a lookup: the loop's work a byte, not the table, was its cost.
  for (const last = end - 2; i <= last; i += 2) {
    const cost = pairs[(bytes[i] as number) | ((bytes[i + 1] as number) << 8)] as number;
    // Every character is one BMP unit, never a surrogate: the parts come from the count.
    if (cost === 0) return ucs2Into(end - start, into);
    total += cost;
  }
  if (i < end) {
    const cost = septets[bytes[i] as number] as number;
    if (cost === 0) return ucs2Into(end - start, into);
    total += cost;
  }
  if (total <= GSM7_SINGLE_PART_SEPTETS) {
    return segmentsInto('GSM-7', total, total === 0 ? 0 : 1, into);
  }
  if (total === end - start) {
    return segmentsInto('GSM-7', total, Math.ceil(total / GSM7_PART_SEPTETS), into);
  }
  return segmentsInto('GSM-7', total, gsm7PartsOfBytes(bytes, septets, start, end, false), into);
}

/**
 * The parts of a GSM-7 message of bytes laid out (an escape pair is never split); with
 * `paired`, the second quote of each `""` is not a character (a quoted field as written).
 */
function gsm7PartsOfBytes(
  bytes: Uint8Array,
  septets: SeptetTable,
  start: number,
  end: number,
  paired: boolean,
): number {
  let parts = 1;
  let fill = 0;
  for (let k = start; k < end; k++) {
    const byte = bytes[k] as number;
    if (paired && byte === 0x22) k++;
    const cost = septets[byte] as number;
    fill += cost;
    if (fill > GSM7_PART_SEPTETS) {
      parts++;
      fill = cost;
    }
  }
  return parts;
}

/**
 * countSegmentsInBytes of a quoted field's text as written, one byte at a time: the second
 * quote of each `""` is not counted (the two-byte lookups would count it).
 */
function countPairedBytes(
  bytes: Uint8Array,
  septets: SeptetTable,
  start: number,
  end: number,
  into: Segments | undefined,
): Segments {
  let total = 0;
  let units = 0;
  let gsm7 = true;
  for (let i = start; i < end; i++) {
    const byte = bytes[i] as number;
    // Inside quotes every quote is the first of a pair.
    if (byte === 0x22) i++;
    units++;
    const cost = septets[byte] as number;
    if (cost === 0) gsm7 = false;
    total += cost;
  }
  if (!gsm7) return ucs2Into(units, into);
  if (total <= GSM7_SINGLE_PART_SEPTETS) {
    return segmentsInto('GSM-7', total, total === 0 ? 0 : 1, into);
  }
  return segmentsInto('GSM-7', total, gsm7PartsOfBytes(bytes, septets, start, end, true), into);
}

function segmentsInto(
  encoding: SmsEncoding,
  units: number,
  parts: number,
  into: Segments | undefined,
): Segments {
  if (into === undefined) return { encoding, units, parts };
  into.encoding = encoding;
  into.units = units;
  into.parts = parts;
  return into;
}

/** UCS-2 segments of `units` code units none of which is a surrogate. */
function ucs2Into(units: number, into: Segments | undefined): Segments {
  const parts = units <= UCS2_SINGLE_PART_UNITS ? 1 : Math.ceil(units / UCS2_PART_UNITS);
  return segmentsInto('UCS-2', units, parts, into);
}

let pairsOwner: SeptetTable | null = null;
let ownPairs: Uint8Array = new Uint8Array(0);

/**
 * What two bytes (the first in the low byte) cost together by `septets`, 0 where either cannot
 * be carried: made once for the table check reads a file by (two tables in all).
 */
function pairCosts(septets: SeptetTable): Uint8Array {
  if (septets !== pairsOwner) {
    ownPairs = pairsOf(septets);
    pairsOwner = septets;
  }
  return ownPairs;
}

function pairsOf(septets: SeptetTable): Uint8Array {
  const pairs = new Uint8Array(0x10000);
  for (let first = 0; first < 0x100; first++) {
    const a = septets[first] as number;
    if (a === 0) continue;
    for (let second = 0; second < 0x100; second++) {
      const b = septets[second] as number;
      if (b !== 0) pairs[first | (second << 8)] = a + b;
    }
  }
  return pairs;
}

const HIGH_SURROGATE = /[\ud800-\udbff]/;

/**
 * A UCS-2 message in parts (SPEC 7). `mayHavePairs` false: the caller has seen every unit and
 * none is a high surrogate, so the text is not searched for one again.
 */
export function countUcs2(text: string, mayHavePairs = true): Segments {
  const units = text.length;
  if (units <= UCS2_SINGLE_PART_UNITS) return { encoding: 'UCS-2', units, parts: 1 };
  // Only a surrogate pair can be pushed whole into the next part; without one, parts are even.
  if (!mayHavePairs || !HIGH_SURROGATE.test(text)) {
    return { encoding: 'UCS-2', units, parts: Math.ceil(units / UCS2_PART_UNITS) };
  }
  let parts = 1;
  let fill = 0;
  for (let i = 0; i < units; i++) {
    const unit = text.charCodeAt(i);
    let width = 1;
    // A surrogate pair is one character and never split; a lone surrogate is one unit.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < units) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        width = 2;
        i++;
      }
    }
    fill += width;
    if (fill > UCS2_PART_UNITS) {
      parts++;
      fill = width;
    }
  }
  return { encoding: 'UCS-2', units, parts };
}

/**
 * message-too-long (SPEC section 6). Both limits apply: escape pairs or surrogate pairs pushed
 * over part boundaries can make a message within the unit limit need an eleventh part.
 */
export function isTooLong(s: Segments): boolean {
  const limit = s.encoding === 'GSM-7' ? MAX_GSM7_SEPTETS : MAX_UCS2_UNITS;
  return s.units > limit || s.parts > MAX_PARTS;
}
