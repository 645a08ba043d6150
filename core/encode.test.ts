import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decode } from './decode';
import type { Encoding } from './decode';
import { byteOrderMark, encodeText } from './encode';
import { windows1252CodePoint } from './windows1252';
import { concat } from './bytes.test-util';

const UNICODE: readonly Encoding[] = ['utf-8', 'utf-16le', 'utf-16be', 'utf-32le', 'utf-32be'];
const ALL: readonly Encoding[] = [...UNICODE, 'windows-1252'];

// Any well-formed text: every code point, astral ones included, no lone surrogates.
const unicodeText = fc.string({ unit: 'binary', maxLength: 60 });
// Text made only of the characters Windows-1252 has.
const WINDOWS_1252_CHARS = Array.from({ length: 256 }, (_, byte) => windows1252CodePoint(byte))
  .filter((codePoint) => codePoint !== null)
  .map((codePoint) => String.fromCodePoint(codePoint));
const windows1252Text = fc.string({ unit: fc.constantFrom(...WINDOWS_1252_CHARS), maxLength: 60 });

describe('byteOrderMark: the marks SPEC 3.3 detects', () => {
  it.each([
    ['utf-8', [0xef, 0xbb, 0xbf]],
    ['utf-16le', [0xff, 0xfe]],
    ['utf-16be', [0xfe, 0xff]],
    ['utf-32le', [0xff, 0xfe, 0x00, 0x00]],
    ['utf-32be', [0x00, 0x00, 0xfe, 0xff]],
    ['windows-1252', []],
  ] as const)('%s', (encoding, bytes) => {
    expect(Array.from(byteOrderMark(encoding))).toEqual(bytes);
  });

  it('equals what iconv-lite writes as the mark', () => {
    for (const encoding of UNICODE) {
      const marked = iconv.encode('', encoding, { addBOM: true });
      expect(byteOrderMark(encoding)).toEqual(new Uint8Array(marked));
    }
  });

  it('gives a fresh array each time, so a caller cannot change the next one', () => {
    const first = byteOrderMark('utf-8');
    first[0] = 0;
    expect(byteOrderMark('utf-8')[0]).toBe(0xef);
  });
});

describe('encodeText: no BOM, and the same bytes as iconv-lite', () => {
  it.each(UNICODE)('%s', (encoding) => {
    fc.assert(
      fc.property(unicodeText, (text) => {
        expect(encodeText(text, encoding)).toEqual(
          new Uint8Array(iconv.encode(text, encoding, { addBOM: false })),
        );
      }),
    );
  });

  it('windows-1252', () => {
    fc.assert(
      fc.property(windows1252Text, (text) => {
        expect(encodeText(text, 'windows-1252')).toEqual(
          new Uint8Array(iconv.encode(text, 'windows-1252')),
        );
      }),
    );
  });

  it.each(ALL)('%s: empty text is no bytes', (encoding) => {
    expect(encodeText('', encoding)).toEqual(new Uint8Array(0));
  });
});

describe('encodeText: what the encoding cannot hold', () => {
  it('Windows-1252 writes ? for each character it has no byte for, one per surrogate pair', () => {
    expect(Array.from(encodeText('aŁ😀€', 'windows-1252'))).toEqual([0x61, 0x3f, 0x3f, 0x80]);
  });

  it('Windows-1252 writes ? for the C1 controls and lone surrogates', () => {
    expect(Array.from(encodeText('\u0081\ud800\udc00\udc00', 'windows-1252'))).toEqual([
      0x3f, 0x3f, 0x3f,
    ]);
  });

  it.each(UNICODE)('%s writes U+FFFD for lone surrogates, and keeps pairs', (encoding) => {
    const text = '\ud800a\udc00\ud83d\ude00\udbff';
    const decoded = decode(concat([byteOrderMark(encoding), encodeText(text, encoding)]), null);
    expect(decoded).toMatchObject({ ok: true, encoding, text: '\ufffda\ufffd😀\ufffd' });
  });

  it.each(UNICODE)('%s: a high surrogate before a high surrogate pair', (encoding) => {
    const text = '\ud800\ud83d\ude00';
    const decoded = decode(concat([byteOrderMark(encoding), encodeText(text, encoding)]), null);
    expect(decoded).toMatchObject({ ok: true, text: '\ufffd😀' });
  });
});

describe('round trip encodeText -> decode (SPEC 3) (property)', () => {
  it.each(UNICODE)('%s with its BOM is detected and gives the text back', (encoding) => {
    fc.assert(
      fc.property(unicodeText, (text) => {
        const bytes = concat([byteOrderMark(encoding), encodeText(text, encoding)]);
        // UTF-16LE's mark and a leading U+0000 read as the UTF-32LE mark (SPEC 3.3's order).
        fc.pre(encoding !== 'utf-16le' || !text.startsWith('\0'));
        expect(decode(bytes, null)).toEqual({
          ok: true,
          text,
          encoding,
          source: 'detected',
          bomBytes: byteOrderMark(encoding).length,
        });
      }),
    );
  });

  it.each(UNICODE.filter((encoding) => encoding !== 'utf-8'))(
    '%s without BOM, under an ASCII header, is detected and gives the text back',
    (encoding) => {
      fc.assert(
        fc.property(unicodeText, (body) => {
          const text = `msisdn;message\r\n${body}`;
          expect(decode(encodeText(text, encoding), null)).toMatchObject({
            ok: true,
            text,
            encoding,
            bomBytes: 0,
          });
        }),
      );
    },
  );

  it('utf-8 named .utf8 gives the text back', () => {
    fc.assert(
      fc.property(unicodeText, (text) => {
        expect(decode(encodeText(text, 'utf-8'), 'utf8')).toMatchObject({ ok: true, text });
      }),
    );
  });

  it('windows-1252 named .cp1252 gives the text back', () => {
    fc.assert(
      fc.property(windows1252Text, (text) => {
        expect(decode(encodeText(text, 'windows-1252'), 'cp1252')).toEqual({
          ok: true,
          text,
          encoding: 'windows-1252',
          source: 'forced',
          bomBytes: 0,
        });
      }),
    );
  });

  it('windows-1252 under an ASCII header, not valid UTF-8, is detected and gives the text back', () => {
    // The header keeps the bytes from starting like a BOM or like UTF-16 (ÿþ, "a" NUL, ...),
    // and a lone 0xE9 at the end makes them invalid UTF-8.
    fc.assert(
      fc.property(windows1252Text, (body) => {
        const text = `msisdn;message\r\n${body}é`;
        expect(decode(encodeText(text, 'windows-1252'), null)).toEqual({
          ok: true,
          text,
          encoding: 'windows-1252',
          source: 'detected',
          bomBytes: 0,
        });
      }),
      { numRuns: 1000 },
    );
  });
});
