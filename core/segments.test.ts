import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  countSegments,
  countSegmentsInBytes,
  GSM7_SEPTETS,
  gsm7Septets,
  isGsm7Char,
  isTooLong,
  MAX_GSM7_SEPTETS,
  MAX_PARTS,
  MAX_UCS2_UNITS,
  PENDING_C1_SEPTETS,
  type Segments,
} from './segments';

// The 3GPP TS 23.038 tables, transcribed here as code points independently of segments.ts.
// Rows are the standard's columns 0x00-0x0F, 0x10-0x1F, ... (0x1B, the escape, left out).
const BASIC = [
  [0x40, 0xa3, 0x24, 0xa5, 0xe8, 0xe9, 0xf9, 0xec, 0xf2, 0xc7, 0x0a, 0xd8, 0xf8, 0x0d, 0xc5, 0xe5],
  [
    0x394, 0x5f, 0x3a6, 0x393, 0x39b, 0x3a9, 0x3a0, 0x3a8, 0x3a3, 0x398, 0x39e, 0xc6, 0xe6, 0xdf,
    0xc9,
  ],
  [0x20, 0x21, 0x22, 0x23, 0xa4, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2a, 0x2b, 0x2c, 0x2d, 0x2e, 0x2f],
  [0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x3b, 0x3c, 0x3d, 0x3e, 0x3f],
  [0xa1, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x4b, 0x4c, 0x4d, 0x4e, 0x4f],
  [0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5a, 0xc4, 0xd6, 0xd1, 0xdc, 0xa7],
  [0xbf, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f],
  [0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0xe4, 0xf6, 0xf1, 0xfc, 0xe0],
].flat();
// Form feed ^ { } \ [ ~ ] | €
const EXTENSION = [0x0c, 0x5e, 0x7b, 0x7d, 0x5c, 0x5b, 0x7e, 0x5d, 0x7c, 0x20ac];

const a = (n: number): string => 'a'.repeat(n);
/** ç is not GSM-7, so it forces UCS-2 and costs one unit. */
const c = (n: number): string => 'ç'.repeat(n);
const EMOJI = '😀'; // U+1F600, a surrogate pair: 2 units

function segments(encoding: Segments['encoding'], units: number, parts: number): Segments {
  return { encoding, units, parts };
}

describe('SPEC 7: which characters are GSM-7', () => {
  it('the table holds 127 basic and 10 extension characters', () => {
    expect(BASIC).toHaveLength(127);
    expect(new Set([...BASIC, ...EXTENSION]).size).toBe(137);
  });

  it('every basic character costs 1 septet, every extension character 2, all else 0 (whole BMP)', () => {
    const expected = new Map<number, number>();
    for (const cp of BASIC) expected.set(cp, 1);
    for (const cp of EXTENSION) expected.set(cp, 2);
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      const want = expected.get(cp) ?? 0;
      if (gsm7Septets(cp) !== want || isGsm7Char(cp) !== (want !== 0)) {
        wrong.push(cp.toString(16));
      }
    }
    expect(wrong).toEqual([]);
  });

  it('a message of the whole table is GSM-7, extension characters counting 2', () => {
    const text = String.fromCharCode(...BASIC, ...EXTENSION);
    expect(countSegments(text)).toEqual(segments('GSM-7', 127 + 2 * 10, 1));
  });

  it('0x09 is the capital Ç (U+00C7); the small ç (U+00E7) is not GSM-7', () => {
    expect(gsm7Septets(0xc7)).toBe(1);
    expect(isGsm7Char(0xe7)).toBe(false);
    expect(countSegments('Ça va')).toEqual(segments('GSM-7', 5, 1));
    expect(countSegments('ça va')).toEqual(segments('UCS-2', 5, 1));
  });

  it('the Greek capitals are the Greek letters, not Latin look-alikes', () => {
    expect(isGsm7Char(0x394)).toBe(true); // Δ GREEK CAPITAL LETTER DELTA
    expect(isGsm7Char(0x2206)).toBe(false); // ∆ INCREMENT
    expect(isGsm7Char(0x3a9)).toBe(true); // Ω GREEK CAPITAL LETTER OMEGA
    expect(isGsm7Char(0x2126)).toBe(false); // Ω OHM SIGN
    expect(isGsm7Char(0x3b1)).toBe(false); // α small Greek letters are not in the set
  });

  it('backtick, escape U+001B, tab, Chinese and emoji force UCS-2', () => {
    for (const text of ['`', '\u001b', '\t', '中文', EMOJI, 'hello `world`', 'a\u001bb']) {
      expect(countSegments(text).encoding, JSON.stringify(text)).toBe('UCS-2');
    }
  });

  it('code points outside the BMP or not code points at all are not GSM-7', () => {
    for (const cp of [0x1f600, 0x10ffff, 0x110000, -1, 1.5, NaN]) {
      expect(isGsm7Char(cp)).toBe(false);
      expect(gsm7Septets(cp)).toBe(0);
    }
  });

  it('one non-GSM-7 character makes the whole message UCS-2', () => {
    expect(countSegments(a(100))).toEqual(segments('GSM-7', 100, 1));
    expect(countSegments(a(100) + 'ç')).toEqual(segments('UCS-2', 101, 2));
    expect(countSegments('ç' + a(100))).toEqual(segments('UCS-2', 101, 2));
  });

  it('in UCS-2 an extension character is one unit like any other', () => {
    expect(countSegments('€ç{}')).toEqual(segments('UCS-2', 4, 1));
  });
});

describe('SPEC 7: the empty message', () => {
  it('is GSM-7 with no units and no parts', () => {
    expect(countSegments('')).toEqual(segments('GSM-7', 0, 0));
  });
});

describe('SPEC 7: GSM-7 parts', () => {
  it('up to 160 septets is 1 part, 161 is 2', () => {
    expect(countSegments(a(1))).toEqual(segments('GSM-7', 1, 1));
    expect(countSegments(a(160))).toEqual(segments('GSM-7', 160, 1));
    expect(countSegments(a(161))).toEqual(segments('GSM-7', 161, 2));
  });

  it('beyond 160, parts hold at most 153 septets', () => {
    expect(countSegments(a(306)).parts).toBe(2);
    expect(countSegments(a(307)).parts).toBe(3);
    expect(countSegments(a(459)).parts).toBe(3);
    expect(countSegments(a(460)).parts).toBe(4);
  });

  it('an extension character costs 2 septets: 80 of them fill one part, 81 need two', () => {
    expect(countSegments('€'.repeat(80))).toEqual(segments('GSM-7', 160, 1));
    expect(countSegments('€'.repeat(80) + 'a')).toEqual(segments('GSM-7', 161, 2));
  });

  it('an escape pair at septets 152-153 of a part fits', () => {
    expect(countSegments(a(151) + '€' + a(153))).toEqual(segments('GSM-7', 306, 2));
  });

  it('an escape pair at septets 153-154 is not split: it starts the next part', () => {
    // 152 + [€] + 152 = 306 septets, which would be 2 parts if the pair could be split.
    expect(countSegments(a(152) + '€' + a(152))).toEqual(segments('GSM-7', 306, 3));
  });

  it('an escape pair that straddles the boundary of a later part also moves whole', () => {
    // Part 1: 153 a. Part 2: 152 a, then € moves to part 3.
    expect(countSegments(a(305) + '€' + a(151)).parts).toBe(3);
    expect(countSegments(a(305) + '€' + a(152)).parts).toBe(4);
  });

  it('a single part of 160 septets takes an escape pair at septets 159-160', () => {
    expect(countSegments(a(158) + '€')).toEqual(segments('GSM-7', 160, 1));
    expect(countSegments(a(159) + '€')).toEqual(segments('GSM-7', 161, 2));
  });

  it('CR LF counts as two characters', () => {
    expect(countSegments('a\r\nb')).toEqual(segments('GSM-7', 4, 1));
    expect(countSegments('\r\n'.repeat(80))).toEqual(segments('GSM-7', 160, 1));
    expect(countSegments('\r\n'.repeat(80) + 'a')).toEqual(segments('GSM-7', 161, 2));
  });
});

describe('SPEC 7: UCS-2 parts', () => {
  it('up to 70 units is 1 part, 71 is 2', () => {
    expect(countSegments(c(70))).toEqual(segments('UCS-2', 70, 1));
    expect(countSegments(c(71))).toEqual(segments('UCS-2', 71, 2));
  });

  it('beyond 70, parts hold at most 67 units', () => {
    expect(countSegments(c(134)).parts).toBe(2);
    expect(countSegments(c(135)).parts).toBe(3);
    expect(countSegments(c(201)).parts).toBe(3);
    expect(countSegments(c(202)).parts).toBe(4);
  });

  it('an emoji is 2 units: 35 fill one part', () => {
    expect(countSegments(EMOJI.repeat(35))).toEqual(segments('UCS-2', 70, 1));
    expect(countSegments(EMOJI.repeat(35) + 'a')).toEqual(segments('UCS-2', 71, 2));
  });

  it('an emoji at units 66-67 of a part fits', () => {
    expect(countSegments(c(65) + EMOJI + c(67))).toEqual(segments('UCS-2', 134, 2));
  });

  it('an emoji at units 67-68 is not split: it starts the next part', () => {
    // 66 + [emoji] + 66 = 134 units, which would be 2 parts if the pair could be split.
    expect(countSegments(c(66) + EMOJI + c(66))).toEqual(segments('UCS-2', 134, 3));
  });

  it('a lone surrogate is one unit and may fall on a boundary', () => {
    expect(countSegments(c(66) + '\ud83d' + c(67))).toEqual(segments('UCS-2', 134, 2));
    expect(countSegments(c(66) + '\ude00' + c(67))).toEqual(segments('UCS-2', 134, 2));
    // Low before high is two lone surrogates, not a pair.
    expect(countSegments(c(66) + '\ude00\ud83d' + c(66))).toEqual(segments('UCS-2', 134, 2));
    // A high surrogate at the very end has nothing to pair with.
    expect(countSegments(c(133) + '\ud83d')).toEqual(segments('UCS-2', 134, 2));
  });

  it('CR LF counts as two units', () => {
    expect(countSegments('ç\r\nç')).toEqual(segments('UCS-2', 4, 1));
    expect(countSegments('ç' + '\r\n'.repeat(35))).toEqual(segments('UCS-2', 71, 2));
  });
});

describe('SPEC 6/7: message-too-long', () => {
  it('1530 septets (10 parts) is allowed, 1531 is too long', () => {
    const ok = countSegments(a(MAX_GSM7_SEPTETS));
    expect(ok).toEqual(segments('GSM-7', 1530, 10));
    expect(isTooLong(ok)).toBe(false);
    const over = countSegments(a(MAX_GSM7_SEPTETS + 1));
    expect(over).toEqual(segments('GSM-7', 1531, 11));
    expect(isTooLong(over)).toBe(true);
  });

  it('670 UCS-2 units (10 parts) is allowed, 671 is too long', () => {
    const ok = countSegments(c(MAX_UCS2_UNITS));
    expect(ok).toEqual(segments('UCS-2', 670, 10));
    expect(isTooLong(ok)).toBe(false);
    const over = countSegments(c(MAX_UCS2_UNITS + 1));
    expect(over).toEqual(segments('UCS-2', 671, 11));
    expect(isTooLong(over)).toBe(true);
  });

  it('1530 septets that need 11 parts, because an escape pair moved, are too long', () => {
    const s = countSegments(a(152) + '€' + a(1376));
    expect(s).toEqual(segments('GSM-7', 1530, 11));
    expect(isTooLong(s)).toBe(true);
    // 765 euro signs are 1530 septets, but only 76 fit a part of 153.
    const euros = countSegments('€'.repeat(765));
    expect(euros).toEqual(segments('GSM-7', 1530, 11));
    expect(isTooLong(euros)).toBe(true);
  });

  it('670 units that need 11 parts, because an emoji moved, are too long', () => {
    const s = countSegments(c(66) + EMOJI + c(602));
    expect(s).toEqual(segments('UCS-2', 670, 11));
    expect(isTooLong(s)).toBe(true);
  });

  it('the unit limit depends on the encoding', () => {
    expect(isTooLong(segments('GSM-7', 700, 5))).toBe(false);
    expect(isTooLong(segments('UCS-2', 700, 10))).toBe(true);
    expect(isTooLong(segments('GSM-7', 1531, 10))).toBe(true);
    expect(isTooLong(segments('UCS-2', 670, MAX_PARTS))).toBe(false);
    expect(isTooLong(segments('UCS-2', 600, MAX_PARTS + 1))).toBe(true);
  });

  it('the empty message is not too long (empty-message is its own rule)', () => {
    expect(isTooLong(countSegments(''))).toBe(false);
  });
});

describe('SPEC 7: agrees with a plain reading of the rules on any text', () => {
  // Written the slow, obvious way: split into characters, then fill parts greedily.
  const gsmCost = new Map<number, number>();
  for (const cp of BASIC) gsmCost.set(cp, 1);
  for (const cp of EXTENSION) gsmCost.set(cp, 2);

  function reference(text: string): Segments {
    const chars = Array.from(text); // code points; a lone surrogate stays one element
    const gsm = chars.every((ch) => gsmCost.has(ch.codePointAt(0) as number));
    const costs = chars.map((ch) =>
      gsm ? (gsmCost.get(ch.codePointAt(0) as number) as number) : ch.length,
    );
    const units = costs.reduce((sum, x) => sum + x, 0);
    const [single, multi] = gsm ? [160, 153] : [70, 67];
    let parts = units === 0 ? 0 : 1;
    if (units > single) {
      let fill = 0;
      for (const cost of costs) {
        if (fill + cost > multi) {
          parts++;
          fill = 0;
        }
        fill += cost;
      }
    }
    return { encoding: gsm ? 'GSM-7' : 'UCS-2', units, parts };
  }

  // Runs of 40 reach the part boundaries in few pieces, which keeps shrinking a failure quick.
  const gsmPieces = ['a', 'Z', '€', '{', '\r\n', ' ', 'Ä', a(40), '€'.repeat(20)];
  const pieces = [...gsmPieces, 'ç', '中', EMOJI, '\ud83d', '\ude00', '`', c(20), EMOJI.repeat(10)];

  it('random GSM-7 text, long enough to cross many part boundaries', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...gsmPieces), { maxLength: 150, size: 'max' }),
        (list) => {
          const text = list.join('');
          expect(countSegments(text)).toEqual(reference(text));
        },
      ),
    );
  });

  it('random mixed text, including emoji and lone surrogates', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 100, size: 'max' }), (list) => {
        const text = list.join('');
        expect(countSegments(text)).toEqual(reference(text));
      }),
    );
  });

  it('any string at all, lone surrogates included', () => {
    // Single UTF-16 code units (which may pair up by chance) and whole code points.
    const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u));
    const codePoint = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 });
    const unit = fc.oneof(codeUnit, codePoint, fc.constantFrom(...gsmPieces));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 400, size: 'max' }), (text) => {
        expect(countSegments(text)).toEqual(reference(text));
      }),
    );
  });
});

describe('SPEC 7: linear in the length of the text', () => {
  it('counts a megabyte of escape pairs or of emoji', () => {
    expect(countSegments('€'.repeat(1 << 20))).toEqual(
      segments('GSM-7', 2 << 20, Math.ceil((1 << 20) / 76)),
    );
    expect(countSegments(EMOJI.repeat(1 << 19))).toEqual(
      segments('UCS-2', 1 << 20, Math.ceil((1 << 19) / 33)),
    );
  });
});

describe('SPEC 7 counted from Windows-1252 bytes: the same as from the text', () => {
  // check counts a Windows-1252 file's messages from its bytes, each one character.
  const latin1 = fc.string({
    unit: fc.oneof(
      fc.constantFrom('a', ' ', '\u0080', '[', 'é', '`', '\u0092'),
      fc.integer({ min: 0, max: 0xff }).map((c) => String.fromCharCode(c)),
    ),
    maxLength: 400,
    size: 'max',
  });
  // GSM-7 only, long, with escape pairs (€ pending is 0x80) that may straddle parts.
  const longGsm7 = fc.string({
    unit: fc.constantFrom('a', ' ', 'é', '[', '\u0080', '~'),
    minLength: 150,
    maxLength: 400,
  });

  it('for any text of one-byte characters, pending or not (property)', () => {
    fc.assert(
      fc.property(fc.oneof(latin1, longGsm7), fc.nat(5), fc.nat(5), (text, cutStart, cutEnd) => {
        const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0));
        const start = Math.min(cutStart, text.length);
        const end = Math.max(start, text.length - cutEnd);
        for (const table of [GSM7_SEPTETS, PENDING_C1_SEPTETS]) {
          const expected = countSegments(text.slice(start, end), table);
          expect(countSegmentsInBytes(bytes, table, start, end)).toEqual(expected);
          // Counted into an object given (check's, row after row): the same, in it.
          const into: Segments = { encoding: 'UCS-2', units: 9, parts: 9 };
          expect(countSegmentsInBytes(bytes, table, start, end, into)).toBe(into);
          expect(into).toEqual(expected);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('for a quoted field as written, each `""` one quote (property)', () => {
    const quoted = fc.oneof(
      latin1,
      longGsm7,
      fc.string({ unit: fc.constantFrom('"', 'a', '\u0080', 'é'), maxLength: 400 }),
    );
    fc.assert(
      fc.property(quoted, (text) => {
        const written = text.replaceAll('"', '""');
        const bytes = Uint8Array.from(`x${written}y`, (c) => c.charCodeAt(0));
        for (const table of [GSM7_SEPTETS, PENDING_C1_SEPTETS]) {
          const expected = countSegments(text, table);
          const end = bytes.length - 1;
          expect(countSegmentsInBytes(bytes, table, 1, end, undefined, true)).toEqual(expected);
          const into: Segments = { encoding: 'UCS-2', units: 9, parts: 9 };
          expect(countSegmentsInBytes(bytes, table, 1, end, into, true)).toBe(into);
          expect(into).toEqual(expected);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
