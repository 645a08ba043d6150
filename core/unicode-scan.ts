/**
 * Where bytes break their Unicode encoding, said as the server says it (SPEC section 3), and
 * UTF-32, which TextDecoder does not know. The native decoders only tell that bytes are
 * invalid; these scans run after them, to say where and how often.
 */

/** The first place the bytes break their encoding, and how many places do. */
export interface Invalid {
  offset: number;
  /** What is wrong at `offset`, as a clause: "byte 0x80 at offset 3 is ...". */
  detail: string;
  count: number;
}

/** A decoding's outcome; `text` null for a Windows-1252 text not made (see decodeLazily). */
export type Attempt =
  { ok: true; text: string | null; pendingC1?: boolean } | ({ ok: false } & Invalid);

const utf16le = new TextDecoder('utf-16le', { ignoreBOM: true });

export function hex(value: number, digits: number): string {
  return `0x${value.toString(16).toUpperCase().padStart(digits, '0')}`;
}

/**
 * The first ill-formed sequence in UTF-8 (Unicode Table 3-7), and how many there are, counted
 * as the WHATWG decoder counts replacement characters: a lead byte and the valid continuation
 * bytes after it are one error, and the byte that broke the sequence is read again.
 */
export function scanUtf8(bytes: Uint8Array, start: number): Invalid | null {
  const length = bytes.length;
  let first: Invalid | null = null;
  let count = 0;
  let i = start;
  while (i < length) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let needed: number;
    let lower = 0x80;
    let upper = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) {
      needed = 1;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      needed = 2;
      if (lead === 0xe0) lower = 0xa0;
      else if (lead === 0xed) upper = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      needed = 3;
      if (lead === 0xf0) lower = 0x90;
      else if (lead === 0xf4) upper = 0x8f;
    } else {
      if (count++ === 0) first = { offset: i, detail: badLead(lead, i), count: 0 };
      i++;
      continue;
    }
    let next = i + 1;
    let broken = false;
    for (let seen = 0; seen < needed; seen++, next++) {
      if (next >= length) {
        if (count === 0) {
          first = { offset: i, detail: `${cutShort(lead, i)} by the end of the file`, count: 0 };
        }
        broken = true;
        break;
      }
      const byte = bytes[next] as number;
      const low = seen === 0 ? lower : 0x80;
      const high = seen === 0 ? upper : 0xbf;
      if (byte < low || byte > high) {
        if (count === 0)
          first = { offset: i, detail: badContinuation(lead, byte, i, next), count: 0 };
        broken = true;
        break;
      }
    }
    if (broken) count++;
    i = next;
  }
  return first === null ? null : { ...first, count };
}

function badLead(lead: number, offset: number): string {
  const at = `byte ${hex(lead, 2)} at offset ${offset}`;
  if (lead <= 0xbf) return `${at} continues a character but no character starts before it`;
  if (lead <= 0xc1) return `${at} could only start an overlong encoding, which UTF-8 forbids`;
  return `${at} never occurs in UTF-8`;
}

function cutShort(lead: number, offset: number): string {
  return `the character that byte ${hex(lead, 2)} at offset ${offset} starts is cut short`;
}

// Called when `byte` at `at` does not continue the sequence `lead` at `offset` started. A
// continuation byte out of the lead's range names the rule it breaks; any other byte ends
// the character early.
function badContinuation(lead: number, byte: number, offset: number, at: number): string {
  if (at === offset + 1 && byte >= 0x80 && byte <= 0xbf) {
    const both = `bytes ${hex(lead, 2)} ${hex(byte, 2)} at offset ${offset}`;
    if (lead === 0xe0 || lead === 0xf0) {
      return `${both} start an overlong encoding, which UTF-8 forbids`;
    }
    if (lead === 0xed) return `${both} start a UTF-16 surrogate, which UTF-8 forbids`;
    return `${both} start a code point above U+10FFFF, the largest there is`;
  }
  return `${cutShort(lead, offset)} by byte ${hex(byte, 2)} at offset ${at}`;
}

/**
 * The first unpaired surrogate or odd trailing byte in UTF-16, and how many errors there are,
 * counted as the WHATWG decoder counts them: each unpaired surrogate is one, and a high
 * surrogate left open at the end of the file is one together with an odd byte after it.
 */
export function scanUtf16(bytes: Uint8Array, start: number, littleEndian: boolean): Invalid | null {
  const end = bytes.length;
  const whole = start + ((end - start) & ~1);
  let first: Invalid | null = null;
  let count = 0;
  let openHighAtEnd = false;
  let i = start;
  while (i < whole) {
    const unit = readUnit16(bytes, i, littleEndian);
    if (unit < 0xd800 || unit > 0xdfff) {
      i += 2;
      continue;
    }
    const isHigh = unit <= 0xdbff;
    if (isHigh && i + 2 < whole) {
      const next = readUnit16(bytes, i + 2, littleEndian);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i += 4;
        continue;
      }
    }
    if (count++ === 0) {
      const at = `code unit ${hex(unit, 4)} at offset ${i}`;
      const detail = isHigh
        ? `${at} is a high surrogate with no low surrogate after it`
        : `${at} is a low surrogate with no high surrogate before it`;
      first = { offset: i, detail, count: 0 };
    }
    openHighAtEnd = isHigh && i + 2 === whole;
    i += 2;
  }
  if (whole < end && !openHighAtEnd && count++ === 0) {
    const byte = hex(bytes[whole] as number, 2);
    first = {
      offset: whole,
      detail: `the file ends with a lone byte ${byte} at offset ${whole}, half a UTF-16 code unit`,
      count: 0,
    };
  }
  return first === null ? null : { ...first, count };
}

function readUnit16(bytes: Uint8Array, at: number, littleEndian: boolean): number {
  const b0 = bytes[at] as number;
  const b1 = bytes[at + 1] as number;
  return littleEndian ? (b1 << 8) | b0 : (b0 << 8) | b1;
}

/**
 * UTF-32, which TextDecoder does not know, by hand: each unit that is a Unicode scalar value
 * becomes one or two UTF-16 units; surrogates, values above U+10FFFF and trailing bytes short
 * of a unit are errors, one each.
 */
export function decodeUtf32(bytes: Uint8Array, start: number, littleEndian: boolean): Attempt {
  const end = bytes.length;
  const whole = start + ((end - start) & ~3);
  // A code point takes at most two UTF-16 units, four bytes: never more than its UTF-32 unit.
  const units = new Uint8Array(whole - start);
  let written = 0;
  let first: Invalid | null = null;
  let count = 0;
  for (let i = start; i < whole; i += 4) {
    const b0 = bytes[i] as number;
    const b1 = bytes[i + 1] as number;
    const b2 = bytes[i + 2] as number;
    const b3 = bytes[i + 3] as number;
    const codePoint = littleEndian
      ? (b0 | (b1 << 8) | (b2 << 16) | (b3 << 24)) >>> 0
      : ((b0 << 24) | (b1 << 16) | (b2 << 8) | b3) >>> 0;
    if (codePoint < 0xd800 || (codePoint > 0xdfff && codePoint < 0x10000)) {
      units[written++] = codePoint & 0xff;
      units[written++] = codePoint >>> 8;
    } else if (codePoint >= 0x10000 && codePoint <= 0x10ffff) {
      const offsetPoint = codePoint - 0x10000;
      const high = 0xd800 | (offsetPoint >>> 10);
      const low = 0xdc00 | (offsetPoint & 0x3ff);
      units[written++] = high & 0xff;
      units[written++] = high >>> 8;
      units[written++] = low & 0xff;
      units[written++] = low >>> 8;
    } else {
      if (count++ === 0) {
        const at = `code unit ${hex(codePoint, 8)} at offset ${i}`;
        const detail =
          codePoint <= 0xdfff
            ? `${at} is a UTF-16 surrogate, which is not a character`
            : `${at} is above U+10FFFF, the largest code point`;
        first = { offset: i, detail, count: 0 };
      }
    }
  }
  if (whole < end) {
    if (count++ === 0) {
      const left = end - whole;
      first = {
        offset: whole,
        detail: `the file ends with ${left} byte${left === 1 ? '' : 's'} at offset ${whole}, less than a 4-byte UTF-32 code unit`,
        count: 0,
      };
    }
  }
  if (first !== null) return { ok: false, ...first, count };
  return { ok: true, text: utf16le.decode(units.subarray(0, written)) };
}
