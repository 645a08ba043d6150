import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BYTE_ORDER_MARKS, MAX_FILE_BYTES, decode } from './decode';
import type { Encoding } from './decode';
import { WINDOWS_1252_UNDEFINED } from './windows1252';
import { BODY, countIn, file, HEADER, hex, inEncoding, problemOf, WIDE } from './decode.test-util';

describe('SPEC 2: size', () => {
  it('MAX_FILE_BYTES is 30 MiB, 31,457,280 bytes', () => {
    expect(MAX_FILE_BYTES).toBe(30 * 1024 * 1024);
    expect(MAX_FILE_BYTES).toBe(31_457_280);
  });
});

describe('SPEC 3.1: the .utf8 modifier decodes as UTF-8', () => {
  it('decodes UTF-8 and says it was forced', () => {
    expect(decode(file(HEADER, BODY), 'utf8')).toEqual({
      ok: true,
      text: HEADER + BODY,
      encoding: 'utf-8',
      source: 'forced',
      bomBytes: 0,
    });
  });

  it('drops a leading BOM, once', () => {
    expect(decode(file([0xef, 0xbb, 0xbf], HEADER), 'utf8')).toMatchObject({
      ok: true,
      text: HEADER,
      bomBytes: 3,
    });
    expect(decode(file([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], HEADER), 'utf8')).toMatchObject({
      ok: true,
      text: `\ufeff${HEADER}`,
      bomBytes: 3,
    });
  });

  it('keeps a BOM that is not at the start', () => {
    expect(decode(file('a', [0xef, 0xbb, 0xbf]), 'utf8')).toMatchObject({
      text: 'a\ufeff',
      bomBytes: 0,
    });
  });

  it('decodes a file that is only a BOM to empty text', () => {
    expect(decode(file([0xef, 0xbb, 0xbf]), 'utf8')).toMatchObject({ ok: true, text: '' });
  });

  it('makes Windows-1252 bytes bad-encoding, with the offset and a sentence naming .utf8', () => {
    const decoded = decode(file(HEADER, [0x34, 0x35, 0x2c, 0xe9, 0x74, 0xe9]), 'utf8');
    expect(decoded).toMatchObject({ ok: false, encoding: 'utf-8', source: 'forced' });
    const problem = problemOf(decoded);
    expect(problem).toMatchObject({ row: null, column: null, code: 'bad-encoding', offset: 18 });
    expect(problem.message).toBe(
      'The file is not valid UTF-8: the character that byte 0xE9 at offset 18 starts is cut ' +
        'short by byte 0x74 at offset 19 (the first of 2 invalid sequences); it was read as ' +
        'UTF-8 because the name has .utf8.',
    );
  });

  it('counts the offset from the start of the file, BOM included', () => {
    const problem = problemOf(decode(file([0xef, 0xbb, 0xbf], 'ab', [0xff]), 'utf8'));
    expect(problem.offset).toBe(5);
    expect(problem.message).toContain('byte 0xFF at offset 5 never occurs in UTF-8');
  });

  it('a UTF-16 file named .utf8.ready is decoded as UTF-8 and fails (with its BOM)', () => {
    for (const encoding of WIDE) {
      const bytes = file(BYTE_ORDER_MARKS[encoding], inEncoding(HEADER, encoding));
      const decoded = decode(bytes, 'utf8');
      expect(decoded).toMatchObject({ ok: false, encoding: 'utf-8', source: 'forced' });
      expect(problemOf(decoded).message).toContain(
        `starts with the byte order mark of ${encoding.toUpperCase()}, which is understood only ` +
          'when the name leaves the encoding to detection',
      );
    }
  });

  it('a UTF-16 file without BOM named .utf8.ready is read as UTF-8, its zero bytes as NULs', () => {
    const decoded = decode(inEncoding(HEADER, 'utf-16le'), 'utf8');
    expect(decoded).toMatchObject({ ok: true, encoding: 'utf-8', source: 'forced' });
    expect(decoded.ok && decoded.text).toBe(Array.from(HEADER, (c) => `${c}\0`).join(''));
  });

  it('says the file looks like UTF-16 when its zero bytes say so and it fails as UTF-8', () => {
    const problem = problemOf(decode(inEncoding(HEADER + BODY, 'utf-16be'), 'utf8'));
    expect(problem.message).toContain('the file looks like UTF-16BE');
  });
});

describe('SPEC 3.1: invalid UTF-8 forms are bad-encoding at the offset of their first byte', () => {
  it.each([
    ['a lone continuation byte', [0x80], 2, 'continues a character but no character starts'],
    ['a continuation byte after a whole character', [0xc3, 0xa9, 0xbf], 4, 'byte 0xBF at offset 4'],
    ['overlong 2-byte (0xC0)', [0xc0, 0xaf], 2, 'could only start an overlong encoding'],
    ['overlong 2-byte (0xC1)', [0xc1, 0xbf], 2, 'could only start an overlong encoding'],
    ['overlong 3-byte', [0xe0, 0x80, 0xaf], 2, 'bytes 0xE0 0x80 at offset 2 start an overlong'],
    [
      'overlong 4-byte',
      [0xf0, 0x8f, 0xbf, 0xbf],
      2,
      'bytes 0xF0 0x8F at offset 2 start an overlong',
    ],
    [
      'a surrogate (U+D800)',
      [0xed, 0xa0, 0x80],
      2,
      'start a UTF-16 surrogate, which UTF-8 forbids',
    ],
    ['a surrogate (U+DFFF)', [0xed, 0xbf, 0xbf], 2, 'start a UTF-16 surrogate'],
    [
      'above U+10FFFF (0xF4 0x90)',
      [0xf4, 0x90, 0x80, 0x80],
      2,
      'start a code point above U+10FFFF',
    ],
    ['above U+10FFFF (0xF5)', [0xf5, 0x80, 0x80, 0x80], 2, 'byte 0xF5 at offset 2 never occurs'],
    ['a 5-byte form (0xF8)', [0xf8, 0x88, 0x80, 0x80, 0x80], 2, 'byte 0xF8 at offset 2 never'],
    ['0xFE', [0xfe], 2, 'byte 0xFE at offset 2 never occurs in UTF-8'],
    [
      'truncated at the end (2 of 3)',
      [0xe2, 0x82],
      2,
      'starts is cut short by the end of the file',
    ],
    ['truncated at the end (1 of 4)', [0xf0], 2, 'cut short by the end of the file'],
    ['truncated by ASCII', [0xe2, 0x82, 0x41], 2, 'cut short by byte 0x41 at offset 4'],
    ['truncated by a new lead byte', [0xc3, 0xc3, 0xa9], 2, 'cut short by byte 0xC3 at offset 3'],
  ])('%s', (_, bad, offset, words) => {
    const problem = problemOf(decode(file('ok', bad), 'utf8'));
    expect(problem.offset).toBe(offset);
    expect(problem.message).toContain(words);
    expect(problem.message).not.toContain('\n');
  });

  it.each([
    ['U+007F', [0x7f]],
    ['U+0080', [0xc2, 0x80]],
    ['U+07FF', [0xdf, 0xbf]],
    ['U+0800', [0xe0, 0xa0, 0x80]],
    ['U+D7FF', [0xed, 0x9f, 0xbf]],
    ['U+E000', [0xee, 0x80, 0x80]],
    ['U+FFFF', [0xef, 0xbf, 0xbf]],
    ['U+10000', [0xf0, 0x90, 0x80, 0x80]],
    ['U+10FFFF', [0xf4, 0x8f, 0xbf, 0xbf]],
  ])('accepts the boundary character %s', (_, bytes) => {
    expect(decode(file(bytes), 'utf8')).toMatchObject({ ok: true });
  });

  it('finds the first error and counts them as WHATWG does, on any bytes (property)', () => {
    const interesting = [
      0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1,
      0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff,
    ];
    const bytes = fc
      .array(fc.oneof(fc.constantFrom(...interesting), fc.integer({ min: 0, max: 255 })), {
        maxLength: 40,
      })
      .map((array) => Uint8Array.from(array))
      // A literal U+FFFD would be taken for an error in the reference below.
      .filter((array) => !Buffer.from(array).includes(Buffer.from([0xef, 0xbf, 0xbd])));
    fc.assert(
      fc.property(bytes, (array) => {
        const replaced = new TextDecoder('utf-8', { ignoreBOM: true }).decode(array);
        const firstReplaced = replaced.indexOf('\ufffd');
        const decoded = decode(array, 'utf8');
        if (firstReplaced < 0) {
          expect(decoded).toMatchObject({ ok: true, text: replaced });
          return;
        }
        const problem = problemOf(decoded);
        expect(problem.offset).toBe(
          new TextEncoder().encode(replaced.slice(0, firstReplaced)).length,
        );
        expect(countIn(problem)).toBe(replaced.split('\ufffd').length - 1);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('SPEC 3.2: the .cp1252 modifier decodes as Windows-1252', () => {
  it('decodes Windows-1252 and says it was forced', () => {
    const text = `${HEADER}4512345678,"Zoë — 5 € “quoted”"\n`;
    expect(decode(inEncoding(text, 'windows-1252'), 'cp1252')).toEqual({
      ok: true,
      text,
      encoding: 'windows-1252',
      source: 'forced',
      bomBytes: 0,
    });
  });

  it('decodes valid UTF-8 as Windows-1252 too, as it was told', () => {
    expect(decode(file('é'), 'cp1252')).toMatchObject({ ok: true, text: 'Ã©' });
  });

  it('keeps UTF-8 BOM bytes as the characters they are in Windows-1252', () => {
    expect(decode(file([0xef, 0xbb, 0xbf], 'a'), 'cp1252')).toMatchObject({
      ok: true,
      text: 'ï»¿a',
      bomBytes: 0,
    });
  });

  it.each(WINDOWS_1252_UNDEFINED.map((byte) => [hex(byte), byte]))(
    'makes the undefined byte %s bad-encoding with its offset',
    (name, byte) => {
      const decoded = decode(file(HEADER, [0x80, byte, 0x41]), 'cp1252');
      expect(decoded).toMatchObject({ ok: false, encoding: 'windows-1252', source: 'forced' });
      expect(problemOf(decoded)).toMatchObject({ code: 'bad-encoding', offset: 16 });
      expect(problemOf(decoded).message).toBe(
        `The file is not valid Windows-1252: byte ${name} at offset 16 is not defined in ` +
          'Windows-1252; it was read as Windows-1252 because the name has .cp1252.',
      );
    },
  );

  it('reports the first undefined byte and how many there are', () => {
    const problem = problemOf(decode(file([0xe9, 0x90, 0x41, 0x81, 0x9d]), 'cp1252'));
    expect(problem.offset).toBe(1);
    expect(problem.message).toContain('(the first of 3 undefined bytes)');
  });

  it('says when the file is valid UTF-8 and .cp1252 may be wrong', () => {
    // "Ł" is C5 81 in UTF-8, and 0x81 is undefined in Windows-1252.
    const problem = problemOf(decode(file('Łódź'), 'cp1252'));
    expect(problem.offset).toBe(1);
    expect(problem.message).toContain('the bytes are valid UTF-8, so .cp1252 may be wrong');
  });
});

describe('SPEC 3.3: a BOM decides', () => {
  const text = HEADER + BODY;
  it.each(['utf-8', ...WIDE] as Encoding[])('%s', (encoding) => {
    const bom = BYTE_ORDER_MARKS[encoding];
    const decoded = decode(file(bom, inEncoding(text, encoding)), null);
    expect(decoded).toEqual({
      ok: true,
      text,
      encoding,
      source: 'detected',
      bomBytes: bom.length,
    });
  });

  it('FF FE 00 00 is UTF-32LE, not UTF-16LE followed by U+0000', () => {
    expect(decode(file([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]), null)).toMatchObject({
      ok: true,
      text: 'A',
      encoding: 'utf-32le',
    });
  });

  it('FF FE 00 is UTF-16LE: a UTF-32LE mark needs both zero bytes', () => {
    expect(decode(file([0xff, 0xfe, 0x00, 0x41]), null)).toMatchObject({
      ok: true,
      text: '\u4100',
      encoding: 'utf-16le',
      bomBytes: 2,
    });
  });

  it.each(['utf-8', ...WIDE] as Encoding[])('%s: only one BOM is dropped', (encoding) => {
    const bom = BYTE_ORDER_MARKS[encoding];
    const decoded = decode(file(bom, bom, inEncoding('a', encoding)), null);
    expect(decoded).toMatchObject({ ok: true, text: '\ufeffa', encoding });
  });

  it.each(['utf-8', ...WIDE] as Encoding[])(
    '%s: a file that is only a BOM is empty',
    (encoding) => {
      expect(decode(file(BYTE_ORDER_MARKS[encoding]), null)).toMatchObject({
        ok: true,
        text: '',
        encoding,
      });
    },
  );

  it('a UTF-8 BOM with invalid bytes after it is bad-encoding, not Windows-1252', () => {
    const decoded = decode(file([0xef, 0xbb, 0xbf], 'caf', [0xe9]), null);
    expect(decoded).toMatchObject({ ok: false, encoding: 'utf-8', source: 'detected' });
    expect(problemOf(decoded).offset).toBe(6);
    expect(problemOf(decoded).message).toContain(
      'it was read as UTF-8 because it starts with a UTF-8 byte order mark',
    );
  });
});
