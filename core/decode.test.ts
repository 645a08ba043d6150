import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { BYTE_ORDER_MARKS, MAX_FILE_BYTES, decode } from './decode';
import type { Decoded, Encoding } from './decode';
import type { Problem } from './problems';
import { WINDOWS_1252_UNDEFINED } from './windows1252';

/** Concatenates raw bytes and text (as UTF-8) into one file. */
function file(...parts: (readonly number[] | string | Uint8Array)[]): Uint8Array {
  const chunks = parts.map((part) =>
    typeof part === 'string' ? new TextEncoder().encode(part) : Uint8Array.from(part),
  );
  const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

// The reference encoder is iconv-lite, so these tests do not lean on core's own encode.ts.
const WIDE: readonly Encoding[] = ['utf-16le', 'utf-16be', 'utf-32le', 'utf-32be'];
const inEncoding = (text: string, encoding: Encoding) =>
  new Uint8Array(iconv.encode(text, encoding, { addBOM: false }));
const hex = (byte: number) => `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;

function problemOf(decoded: Decoded): Problem {
  if (decoded.ok) throw new Error(`expected bad-encoding, decoded ${JSON.stringify(decoded)}`);
  return decoded.problem;
}

/** How many errors the message says there are ("the first of N ..."), 1 when it names one. */
function countIn(problem: Problem): number {
  const match = /\(the first of (\d+) /.exec(problem.message);
  return match === null ? 1 : Number(match[1]);
}

const HEADER = 'msisdn,message\n';
const BODY = '4512345678,"Bon appétit, Zoë — 5 € 😀"\n';

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

describe('SPEC 3.3: UTF-16/32 without BOM, by the zero bytes of its ASCII first line', () => {
  it.each(WIDE)('%s', (encoding) => {
    const decoded = decode(inEncoding(HEADER + BODY, encoding), null);
    expect(decoded).toEqual({
      ok: true,
      text: HEADER + BODY,
      encoding,
      source: 'detected',
      bomBytes: 0,
    });
  });

  it.each(WIDE)('%s: a single line without LF', (encoding) => {
    expect(decode(inEncoding('msisdn,message', encoding), null)).toMatchObject({ encoding });
  });

  it.each(WIDE)('%s: a first line of a lone LF', (encoding) => {
    expect(decode(inEncoding('\nmsisdn', encoding), null)).toMatchObject({ encoding });
  });

  it.each(WIDE)('%s: a first line ending CR LF', (encoding) => {
    expect(decode(inEncoding('msisdn\r\nØ', encoding), null)).toMatchObject({ encoding });
  });

  it.each(WIDE)('%s: only the first 4 KiB is read when the first line is longer', (encoding) => {
    // Non-ASCII after the first 4096 bytes does not stop the detection.
    const unitBytes = encoding.startsWith('utf-32') ? 4 : 2;
    const line = `${'m'.repeat(4096 / unitBytes)}é\n`;
    expect(decode(inEncoding(line, encoding), null)).toMatchObject({ ok: true, encoding });
  });

  it('is not UTF-16 when the first line has a non-ASCII character', () => {
    // é is E9 00 in UTF-16LE: not UTF-8, so the bytes are read as Windows-1252.
    const decoded = decode(inEncoding('é,msisdn\n', 'utf-16le'), null);
    expect(decoded).toMatchObject({ ok: true, encoding: 'windows-1252' });
  });

  it('looks at the first line only: zero bytes after it do not make UTF-16', () => {
    const bytes = file(HEADER, inEncoding('4512345678,hi\n', 'utf-16le'));
    expect(decode(bytes, null)).toMatchObject({ encoding: 'utf-8' });
  });

  it('is not UTF-16 when a unit of the first line is NUL', () => {
    // UTF-16LE reads A, NUL, B, C; UTF-32LE reads A, then a unit that is no ASCII.
    const bytes = file([0x41, 0, 0, 0, 0x42, 0, 0x43, 0]);
    expect(decode(bytes, null)).toMatchObject({ encoding: 'utf-8' });
  });

  it('needs one whole unit: a single byte is not UTF-16', () => {
    expect(decode(file('m'), null)).toMatchObject({ encoding: 'utf-8', text: 'm' });
    expect(decode(file([0]), null)).toMatchObject({ encoding: 'utf-8', text: '\0' });
  });

  it('prefers UTF-32 to UTF-16: 61 00 00 00 is UTF-32LE "a", not UTF-16LE "a" + NUL', () => {
    expect(decode(file([0x61, 0, 0, 0]), null)).toMatchObject({ encoding: 'utf-32le', text: 'a' });
    expect(decode(file([0x61, 0]), null)).toMatchObject({ encoding: 'utf-16le', text: 'a' });
    expect(decode(file([0, 0, 0, 0x61]), null)).toMatchObject({ encoding: 'utf-32be', text: 'a' });
    expect(decode(file([0, 0x61]), null)).toMatchObject({ encoding: 'utf-16be', text: 'a' });
  });

  it('says in the problem why the encoding was chosen', () => {
    const decoded = decode(file(inEncoding(HEADER, 'utf-16be'), [0xdc, 0x00]), null);
    expect(problemOf(decoded).message).toContain(
      'it was read as UTF-16BE because the zero bytes in its first line are those of UTF-16BE text',
    );
  });
});

describe('SPEC 3.3: UTF-16 errors are bad-encoding with their offset', () => {
  const BOM = { 'utf-16le': [0xff, 0xfe], 'utf-16be': [0xfe, 0xff] } as const;
  const units = (encoding: 'utf-16le' | 'utf-16be', ...values: number[]) =>
    values.flatMap((unit) =>
      encoding === 'utf-16le' ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff],
    );

  describe.each(['utf-16le', 'utf-16be'] as const)('%s', (encoding) => {
    it('an odd trailing byte', () => {
      const problem = problemOf(decode(file(BOM[encoding], units(encoding, 0x41), [0x42]), null));
      expect(problem.offset).toBe(4);
      expect(problem.message).toContain('ends with a lone byte 0x42 at offset 4');
    });

    it('a high surrogate with no low one after it', () => {
      const bytes = file(BOM[encoding], units(encoding, 0x41, 0xd83d, 0x41));
      const problem = problemOf(decode(bytes, null));
      expect(problem.offset).toBe(4);
      expect(problem.message).toContain('code unit 0xD83D at offset 4 is a high surrogate');
    });

    it('a high surrogate at the end', () => {
      const problem = problemOf(decode(file(BOM[encoding], units(encoding, 0xdbff)), null));
      expect(problem.offset).toBe(2);
    });

    it('a high surrogate and an odd byte at the end are one error, as WHATWG counts', () => {
      const bytes = file(BOM[encoding], units(encoding, 0xdc00, 0xd800), [0x41]);
      const problem = problemOf(decode(bytes, null));
      expect(problem.offset).toBe(2);
      expect(countIn(problem)).toBe(2);
    });

    it('a low surrogate with no high one before it', () => {
      const bytes = file(BOM[encoding], units(encoding, 0xd83d, 0xde00, 0xde00));
      const problem = problemOf(decode(bytes, null));
      expect(problem.offset).toBe(6);
      expect(problem.message).toContain('code unit 0xDE00 at offset 6 is a low surrogate');
    });

    it('finds the first error and counts them as WHATWG does, on any units (property)', () => {
      const unitsArbitrary = fc.array(
        fc.oneof(
          fc.constantFrom(0x41, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xd83d, 0xde00),
          fc.integer({ min: 0, max: 0xffff }).filter((unit) => unit !== 0xfffd),
        ),
        { maxLength: 20 },
      );
      const oddByte = fc.option(fc.integer({ min: 0, max: 255 }), { nil: undefined });
      fc.assert(
        fc.property(unitsArbitrary, oddByte, (values, odd) => {
          const body = file(units(encoding, ...values), odd === undefined ? [] : [odd]);
          // FF FE then U+0000 is the UTF-32LE mark, as tested above.
          fc.pre(encoding !== 'utf-16le' || body[0] !== 0 || body[1] !== 0);
          const replaced = new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
          const firstReplaced = replaced.indexOf('\ufffd');
          const decoded = decode(file(BOM[encoding], body), null);
          if (firstReplaced < 0) {
            expect(decoded).toMatchObject({ ok: true, text: replaced, encoding });
            return;
          }
          const problem = problemOf(decoded);
          expect(problem.offset).toBe(2 + 2 * firstReplaced);
          expect(countIn(problem)).toBe(replaced.split('\ufffd').length - 1);
        }),
        { numRuns: 1000 },
      );
    });
  });
});

describe('SPEC 3.3: UTF-32 errors are bad-encoding with their offset', () => {
  const unit = (littleEndian: boolean, value: number) => {
    const bytes = [value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
    return littleEndian ? bytes.reverse() : bytes;
  };

  describe.each([
    ['utf-32le', true],
    ['utf-32be', false],
  ] as const)('%s', (encoding, le) => {
    const bom = BYTE_ORDER_MARKS[encoding];

    it('a surrogate code point', () => {
      const decoded = decode(file(bom, unit(le, 0x41), unit(le, 0xd800)), null);
      expect(decoded).toMatchObject({ ok: false, encoding, source: 'detected' });
      expect(problemOf(decoded).offset).toBe(8);
      expect(problemOf(decoded).message).toContain(
        'code unit 0x0000D800 at offset 8 is a UTF-16 surrogate',
      );
    });

    it('a paired surrogate is still two surrogates in UTF-32', () => {
      const problem = problemOf(decode(file(bom, unit(le, 0xd83d), unit(le, 0xde00)), null));
      expect(problem.offset).toBe(4);
      expect(countIn(problem)).toBe(2);
    });

    it.each([0x110000, 0xffffffff, 0x80000000])('a value above U+10FFFF (%s)', (value) => {
      const problem = problemOf(decode(file(bom, unit(le, value)), null));
      expect(problem.offset).toBe(4);
      expect(problem.message).toContain('is above U+10FFFF');
    });

    it.each([1, 2, 3])('%s trailing bytes short of a unit', (left) => {
      const problem = problemOf(decode(file(bom, unit(le, 0x41), Array(left).fill(0)), null));
      expect(problem.offset).toBe(8);
      expect(problem.message).toContain(`ends with ${left} byte`);
    });

    it('decodes the largest code points and the ones around the surrogates', () => {
      const values = [0, 0x7f, 0xd7ff, 0xe000, 0xfffd, 0xffff, 0x10000, 0x1f600, 0x10ffff];
      const decoded = decode(file(bom, ...values.map((value) => unit(le, value))), null);
      expect(decoded).toMatchObject({ ok: true, text: String.fromCodePoint(...values) });
    });

    it('counts every error', () => {
      const bytes = file(bom, unit(le, 0xdfff), unit(le, 0x41), unit(le, 0x110000), [0]);
      const problem = problemOf(decode(bytes, null));
      expect(problem.offset).toBe(4);
      expect(countIn(problem)).toBe(3);
    });
  });
});

describe('SPEC 3.3: valid UTF-8 is UTF-8, anything else Windows-1252', () => {
  it('valid UTF-8 without BOM is UTF-8', () => {
    expect(decode(file(HEADER, BODY), null)).toEqual({
      ok: true,
      text: HEADER + BODY,
      encoding: 'utf-8',
      source: 'detected',
      bomBytes: 0,
    });
  });

  it('plain ASCII is UTF-8', () => {
    expect(decode(file(HEADER), null)).toMatchObject({ encoding: 'utf-8' });
  });

  it('an empty file is empty UTF-8 text', () => {
    expect(decode(new Uint8Array(0), null)).toEqual({
      ok: true,
      text: '',
      encoding: 'utf-8',
      source: 'detected',
      bomBytes: 0,
    });
  });

  it('Windows-1252 from Excel is Windows-1252', () => {
    const text = `msisdn;message\r\n4512345678;"Bon appétit – 5 €"\r\n`;
    expect(decode(inEncoding(text, 'windows-1252'), null)).toEqual({
      ok: true,
      text,
      encoding: 'windows-1252',
      source: 'detected',
      bomBytes: 0,
    });
  });

  it('a single invalid UTF-8 byte makes the whole file Windows-1252', () => {
    const decoded = decode(file('café — ', [0xe9]), null);
    expect(decoded).toMatchObject({ ok: true, text: 'cafÃ© â€” é', encoding: 'windows-1252' });
  });

  it.each(WINDOWS_1252_UNDEFINED.map((byte) => [hex(byte), byte]))(
    'the undefined byte %s is bad-encoding with its offset',
    (name, byte) => {
      const decoded = decode(file(HEADER, [0xe9, byte]), null);
      expect(decoded).toMatchObject({ ok: false, encoding: 'windows-1252', source: 'detected' });
      const problem = problemOf(decoded);
      expect(problem).toMatchObject({ row: null, column: null, code: 'bad-encoding', offset: 16 });
      expect(problem.message).toBe(
        `The file is not valid Windows-1252: byte ${name} at offset 16 is not defined in ` +
          'Windows-1252; it was read as Windows-1252 because it is not valid UTF-8 (its first ' +
          'invalid UTF-8 sequence is at offset 15).',
      );
    },
  );
});

describe('SPEC 3: linear on hostile input (1 MiB of one bad byte)', () => {
  const MiB = 1024 * 1024;

  it('1 MiB of 0x80 is Windows-1252 euro signs', () => {
    const decoded = decode(new Uint8Array(MiB).fill(0x80), null);
    expect(decoded).toMatchObject({ ok: true, encoding: 'windows-1252' });
    expect(decoded.ok && decoded.text).toBe('€'.repeat(MiB));
  });

  it('1 MiB of 0x80 named .utf8 counts 1,048,576 invalid sequences', () => {
    const problem = problemOf(decode(new Uint8Array(MiB).fill(0x80), 'utf8'));
    expect(problem.offset).toBe(0);
    expect(countIn(problem)).toBe(MiB);
  });

  it('1 MiB of 0x81 counts 1,048,576 undefined bytes', () => {
    const problem = problemOf(decode(new Uint8Array(MiB).fill(0x81), null));
    expect(countIn(problem)).toBe(MiB);
  });

  it('1 MiB of high surrogates in UTF-16 counts every one', () => {
    const bytes = new Uint8Array(2 + MiB).fill(0xd8);
    bytes.set([0xff, 0xfe]);
    for (let i = 2; i < bytes.length; i += 2) bytes[i] = 0;
    const problem = problemOf(decode(bytes, null));
    expect(problem.offset).toBe(2);
    expect(countIn(problem)).toBe(MiB / 2);
  });
});
