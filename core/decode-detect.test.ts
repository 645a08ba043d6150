import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BYTE_ORDER_MARKS, decode } from './decode';
import { WINDOWS_1252_UNDEFINED } from './windows1252';
import { BODY, countIn, file, HEADER, hex, inEncoding, problemOf, WIDE } from './decode.test-util';

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
