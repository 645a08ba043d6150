import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  WINDOWS_1252_UNDEFINED,
  decodeWindows1252,
  encodeWindows1252,
  encodeWindows1252Lossy,
  fitsWindows1252,
  scanWindows1252,
  windows1252CodePoint,
} from './windows1252';

const ALL_BYTES = Array.from({ length: 256 }, (_, byte) => byte);
const DEFINED_BYTES = ALL_BYTES.filter((byte) => !WINDOWS_1252_UNDEFINED.includes(byte));
// The characters Windows-1252 has, by iconv-lite (which marks undefined bytes U+FFFD).
const REFERENCE = ALL_BYTES.map((byte) => iconv.decode(Uint8Array.of(byte), 'windows-1252'));
const DEFINED_CHARS = DEFINED_BYTES.map((byte) => REFERENCE[byte] as string);

describe('SPEC 3.2: the five bytes Windows-1252 leaves undefined', () => {
  it('are 0x81, 0x8D, 0x8F, 0x90 and 0x9D', () => {
    expect(WINDOWS_1252_UNDEFINED).toEqual([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
  });

  it('are exactly the bytes iconv-lite leaves undefined', () => {
    const undefinedByIconv = ALL_BYTES.filter((byte) => REFERENCE[byte] === '\ufffd');
    expect(undefinedByIconv).toEqual(WINDOWS_1252_UNDEFINED);
  });
});

describe('SPEC 3.2: windows1252CodePoint, the table', () => {
  it('matches iconv-lite for all 256 bytes (null for the five undefined)', () => {
    for (const byte of ALL_BYTES) {
      const expected = REFERENCE[byte] === '\ufffd' ? null : REFERENCE[byte]?.codePointAt(0);
      expect(windows1252CodePoint(byte), `byte 0x${byte.toString(16)}`).toBe(expected);
    }
  });

  it('maps the bytes where it differs from Latin-1 to their characters', () => {
    expect(windows1252CodePoint(0x80)).toBe(0x20ac); // €
    expect(windows1252CodePoint(0x92)).toBe(0x2019); // ’
    expect(windows1252CodePoint(0x9f)).toBe(0x0178); // Ÿ
    expect(windows1252CodePoint(0xa0)).toBe(0x00a0);
    expect(windows1252CodePoint(0xff)).toBe(0x00ff);
  });

  it.each([-1, 256, 1.5, Number.NaN])('throws on %s, which is no byte (a bug)', (value) => {
    expect(() => windows1252CodePoint(value)).toThrow(RangeError);
  });
});

describe('SPEC 3.2: decodeWindows1252', () => {
  it('decodes all 251 defined bytes as iconv-lite does', () => {
    const result = decodeWindows1252(Uint8Array.from(DEFINED_BYTES));
    expect(result).toEqual({ ok: true, text: DEFINED_CHARS.join('') });
  });

  it('decodes an empty file to empty text', () => {
    expect(decodeWindows1252(new Uint8Array(0))).toEqual({ ok: true, text: '' });
  });

  it.each(WINDOWS_1252_UNDEFINED.map((byte) => [byte.toString(16).toUpperCase(), byte]))(
    'finds undefined byte 0x%s with its offset',
    (_, byte) => {
      const bytes = Uint8Array.of(0x61, 0x80, 0xe9, byte, 0x62);
      expect(decodeWindows1252(bytes)).toEqual({ ok: false, offset: 3, byte, count: 1 });
    },
  );

  it('reports the first undefined byte and counts them all', () => {
    const bytes = Uint8Array.of(0x41, 0x9d, 0x42, 0x81, 0x81, 0x43, 0x90);
    expect(decodeWindows1252(bytes)).toEqual({ ok: false, offset: 1, byte: 0x9d, count: 4 });
  });

  it('agrees with iconv-lite on any bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const result = decodeWindows1252(bytes);
        const undefinedAt = bytes.findIndex((byte) => WINDOWS_1252_UNDEFINED.includes(byte));
        if (undefinedAt < 0) {
          expect(result).toEqual({ ok: true, text: iconv.decode(bytes, 'windows-1252') });
        } else {
          expect(result.ok).toBe(false);
          expect(result.ok ? -1 : result.offset).toBe(undefinedAt);
        }
      }),
    );
  });
});

describe('SPEC 3.2: fitsWindows1252 and encodeWindows1252', () => {
  it('encode every defined character to its byte, as iconv-lite does', () => {
    const text = DEFINED_CHARS.join('');
    expect(fitsWindows1252(text)).toBe(true);
    expect(encodeWindows1252(text)).toEqual(Uint8Array.from(DEFINED_BYTES));
    expect(encodeWindows1252(text)).toEqual(Uint8Array.from(iconv.encode(text, 'windows-1252')));
  });

  it('do not encode the C1 controls U+0080-U+009F, which no byte decodes to', () => {
    for (let unit = 0x80; unit <= 0x9f; unit++) {
      const char = String.fromCharCode(unit);
      expect(fitsWindows1252(char), `U+00${unit.toString(16)}`).toBe(false);
      expect(encodeWindows1252(`a${char}`)).toBeNull();
    }
  });

  it.each([
    ['Ł (Polish, not Western)', 'Ł'],
    ['an emoji (a surrogate pair)', '😀'],
    ['a lone high surrogate', '\ud800'],
    ['a lone low surrogate', '\udc00'],
    ['U+FFFF', '\uffff'],
  ])('do not encode %s', (_, char) => {
    expect(fitsWindows1252(`ok ${char}`)).toBe(false);
    expect(encodeWindows1252(`ok ${char}`)).toBeNull();
  });

  it('encode the empty text', () => {
    expect(fitsWindows1252('')).toBe(true);
    expect(encodeWindows1252('')).toEqual(new Uint8Array(0));
  });

  it('agree with each other and with iconv-lite on any text (property)', () => {
    const text = fc.string({
      unit: fc.oneof(
        fc.constantFrom(...DEFINED_CHARS),
        fc.string({ unit: 'binary', maxLength: 1 }),
      ),
    });
    fc.assert(
      fc.property(text, (value) => {
        const encoded = encodeWindows1252(value);
        expect(encoded !== null).toBe(fitsWindows1252(value));
        if (encoded !== null) {
          expect(encoded).toEqual(Uint8Array.from(iconv.encode(value, 'windows-1252')));
          expect(decodeWindows1252(encoded)).toEqual({ ok: true, text: value });
        }
      }),
    );
  });

  it('decode then encode gives back any bytes without undefined ones (property)', () => {
    const bytes = fc
      .uint8Array({ maxLength: 300 })
      .map((array) => array.filter((byte) => !WINDOWS_1252_UNDEFINED.includes(byte)));
    fc.assert(
      fc.property(bytes, (array) => {
        const decoded = decodeWindows1252(array);
        expect(decoded.ok).toBe(true);
        expect(encodeWindows1252(decoded.ok ? decoded.text : '\u0081')).toEqual(array);
      }),
    );
  });
});

describe('encodeWindows1252Lossy: what cannot be held becomes ? (for the rejection cause)', () => {
  it('writes ? for each character that does not fit, one for a surrogate pair', () => {
    const bytes = encodeWindows1252Lossy('é€Ł😀\ud800x\udc00');
    expect(Array.from(bytes)).toEqual([0xe9, 0x80, 0x3f, 0x3f, 0x3f, 0x78, 0x3f]);
  });

  it('equals encodeWindows1252 where the text fits', () => {
    const text = DEFINED_CHARS.join('');
    expect(encodeWindows1252Lossy(text)).toEqual(encodeWindows1252(text));
  });
});

describe('issue 16: scanWindows1252, four bytes at a time, is the plain reading byte by byte', () => {
  /** The rule said plainly: every byte in 0x80-0x9F, and which of them are undefined. */
  function plainScan(bytes: Uint8Array) {
    let pendingC1 = false;
    const undefinedAt: number[] = [];
    bytes.forEach((byte, i) => {
      if (byte >= 0x80 && byte <= 0x9f) pendingC1 = true;
      if (windows1252CodePoint(byte) === null) undefinedAt.push(i);
    });
    if (undefinedAt.length === 0) return { ok: true, pendingC1 };
    const offset = undefinedAt[0]!;
    return { ok: false, offset, byte: bytes[offset], count: undefinedAt.length };
  }

  // Mostly ASCII, as files are, with the bytes that matter at any place; any view's alignment.
  const byte = fc.oneof(
    fc.constantFrom(0x41, 0x20, 0x3b),
    fc.constantFrom(0x80, 0x9f, 0xa0, 0x7f, 0xe6, ...WINDOWS_1252_UNDEFINED),
    fc.integer({ min: 0, max: 0xff }),
  );
  it('on any bytes, through a view at any offset (property)', () => {
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 64 }), fc.nat(7), fc.nat(7), (list, lead, trail) => {
        const buffer = new Uint8Array(lead + list.length + trail).fill(0x41);
        buffer.set(list, lead);
        const bytes = buffer.subarray(lead, lead + list.length);
        expect(scanWindows1252(bytes)).toEqual(plainScan(bytes));
      }),
      { numRuns: 3000 },
    );
  });

  it('with a search for a byte given (the Node side passes memchr), the same (property)', () => {
    const find = (bytes: Uint8Array, byte: number) => bytes.indexOf(byte);
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 64 }), fc.nat(7), fc.nat(7), (list, lead, trail) => {
        const buffer = new Uint8Array(lead + list.length + trail).fill(0x9f);
        buffer.set(list, lead);
        const bytes = buffer.subarray(lead, lead + list.length);
        expect(scanWindows1252(bytes, find)).toEqual(plainScan(bytes));
      }),
      { numRuns: 3000 },
    );
  });
});
