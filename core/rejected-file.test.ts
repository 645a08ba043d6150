import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { appendCause, MAX_CAUSE_LINES, parseCause } from './cause';
import { BYTE_ORDER_MARKS, decode, ENCODINGS } from './decode';
import type { Encoding, ForcedEncoding } from './decode';
import { PROBLEM_CODES } from './problems';
import type { Problem } from './problems';
import { processFile } from './processing';
import { causeInFile, END_LINE_CHARS, END_LINES, linesAtEnd } from './rejected-file';
import { concat } from './bytes.test-util';

// SPEC 8 / issue 15: the cause the server appends, in the file's own encoding, reads back the
// same from the file's bytes in every encoding the server writes it in, whatever the length of
// the file (a UTF-16 file of an odd number of bytes, UTF-32 short of a whole unit), its byte
// order mark and its line endings.

const at = new Date(Date.UTC(2026, 10, 24, 14, 0, 0));

const ICONV: Record<Encoding, string> = {
  'utf-8': 'utf8',
  'windows-1252': 'windows-1252',
  'utf-16le': 'utf16le',
  'utf-16be': 'utf16be',
  'utf-32le': 'utf32le',
  'utf-32be': 'utf32be',
};

/** The server's side: decode as it does, append the cause as processFile does. */
function reject(
  bytes: Uint8Array,
  forced: ForcedEncoding,
  problems: Problem[],
  total = problems.length,
): Uint8Array {
  const decoded = decode(bytes, forced);
  const text = decoded.ok ? decoded.text : null;
  return appendCause(bytes, { encoding: decoded.encoding, text }, problems, at, total);
}

// Characters every encoding the server writes in has: the text reads back as written.
const text = fc.string({
  unit: fc.constantFrom('a', 'Z', '1', ' ', ',', ';', ':', '"', 'é', 'ø', '€', '-'),
  maxLength: 30,
});
const anyProblem = fc.record({
  row: fc.option(fc.nat(), { nil: null }),
  column: fc.option(text, { nil: null }),
  code: fc.constantFrom(...PROBLEM_CODES),
  message: text,
});

/** A file as a customer might upload it: a mark or none, text, and a few bytes of anything. */
const file = fc
  .record({
    encoding: fc.constantFrom(...ENCODINGS),
    bom: fc.boolean(),
    crlf: fc.boolean(),
    rows: fc.array(text, { maxLength: 4 }),
    trailing: fc.uint8Array({ maxLength: 3 }),
    forced: fc.constantFrom<ForcedEncoding>(null, null, 'utf8', 'cp1252'),
  })
  .map(({ encoding, bom, crlf, rows, trailing, forced }) => {
    const eol = crlf ? '\r\n' : '\n';
    const content = ['msisdn,message', ...rows].join(eol);
    const mark = bom ? Uint8Array.from(BYTE_ORDER_MARKS[encoding]) : new Uint8Array(0);
    const body = new Uint8Array(iconv.encode(content, ICONV[encoding]));
    return { bytes: concat([mark, body, trailing]), forced, encoding };
  });

describe('SPEC 8: the cause reads back from the bytes in every encoding, any length', () => {
  it('write the cause, read it back: the same problems (property)', () => {
    fc.assert(
      fc.property(file, fc.array(anyProblem, { maxLength: 5 }), ({ bytes, forced }, problems) => {
        const cause = causeInFile(reject(bytes, forced, problems), forced);
        expect(cause).toEqual({
          at: '2026-11-24T14:00:00Z',
          total: problems.length,
          problems,
          more: 0,
        });
      }),
      { numRuns: 1500 },
    );
  });

  it('a cut list reads back with its total, whatever the encoding (property)', () => {
    const problems = Array.from({ length: MAX_CAUSE_LINES }, (_, i): Problem => ({
      row: i + 2,
      column: 'msisdn',
      code: 'bad-msisdn',
      message: 'Kort',
    }));
    fc.assert(
      fc.property(
        file,
        fc.integer({ min: MAX_CAUSE_LINES, max: 1e8 }),
        ({ bytes, forced }, total) => {
          const cause = causeInFile(reject(bytes, forced, problems, total), forced);
          expect(cause).toMatchObject({ total, more: total - MAX_CAUSE_LINES });
          expect(cause?.problems).toEqual(problems);
        },
      ),
      { numRuns: 200 },
    );
  });

  it.each([
    ['utf-16le', 1, [0xff, 0xfe]],
    ['utf-16be', 1, [0xfe, 0xff]],
    ['utf-32le', 1, [0xff, 0xfe, 0x00, 0x00]],
    ['utf-32le', 3, [0xff, 0xfe, 0x00, 0x00]],
    ['utf-32be', 2, [0x00, 0x00, 0xfe, 0xff]],
  ] as const)(
    '%s with %i byte(s) past its last whole unit: padded, so any decoder of the file reads it',
    (encoding, left, bom) => {
      const whole = concat([
        Uint8Array.from(bom),
        new Uint8Array(iconv.encode('msisdn,message\n4512345678,Hej\n', ICONV[encoding])),
      ]);
      const unit = encoding.startsWith('utf-16') ? 2 : 4;
      const bytes = concat([whole, new Uint8Array(left).fill(0x41)]);
      const result = processFile({ name: 'x.ready', bytes }, at);
      expect(result.outcome).toBe('rejected');
      if (result.outcome !== 'rejected') return;
      const codes = result.verdict.problems.map((p) => p.code);
      expect(codes).toEqual(['bad-encoding']);
      // The upload byte for byte, zero bytes to the end of its last unit, then the cause.
      expect(result.bytes.subarray(0, bytes.length)).toEqual(bytes);
      expect(result.bytes.length % unit).toBe(0);
      expect(result.bytes.subarray(bytes.length, whole.length + unit)).toEqual(
        new Uint8Array(unit - left),
      );
      expect(causeInFile(result.bytes, null)?.problems.map((p) => p.code)).toEqual(codes);
      if (unit === 2) {
        const plain = new TextDecoder(encoding).decode(result.bytes);
        expect(parseCause(plain)?.problems.map((p) => p.code)).toEqual(codes);
      }
    },
  );

  it('reads a cause written without padding, after a lone byte', () => {
    // As a server that does not pad would write it: units counted back from the end still read.
    const bytes = concat([
      Uint8Array.from([0xff, 0xfe]),
      new Uint8Array(iconv.encode('msisdn\n', 'utf16le')),
      Uint8Array.from([0x41]),
    ]);
    const problems: Problem[] = [{ row: null, column: null, code: 'no-rows', message: 'None.' }];
    const cause = new Uint8Array(
      iconv.encode(
        '\n\n# REJECTED 2026-11-24T14:00:00Z: 1 problem(s)\n# no-rows: None.\n',
        'utf16le',
      ),
    );
    expect(causeInFile(concat([bytes, cause]), null)?.problems).toEqual(problems);
  });
});

// Issue 19: where the end of a rejected file is not a block parseCause reads, its last lines are
// shown as the server wrote them.
describe('linesAtEnd: the server text at the bottom of a rejected file, as it is', () => {
  const file = 'msisdn,message\n4512345678,Hej\n4587654321,Hallo\n';
  const bytes = (text: string, encoding = 'utf8') => new Uint8Array(iconv.encode(text, encoding));

  it('gives the lines after the last empty line, the empty lines at the end left out', () => {
    const text = `${file}\nREJECTED at 14:00: row 3 is not valid\nsee the manual\n\n\r\n`;
    expect(causeInFile(bytes(text), null)).toBeNull();
    expect(linesAtEnd(bytes(text), null)).toEqual([
      'REJECTED at 14:00: row 3 is not valid',
      'see the manual',
    ]);
  });

  it('gives at most the last lines asked for where nothing sets the text apart', () => {
    const rows = Array.from({ length: 40 }, (_, i) => `45${20_000_000 + i},Hej ${i}`);
    const text = `msisdn,message\n${rows.join('\n')}\nERROR: bad file\n`;
    const lines = linesAtEnd(bytes(text), null);
    expect(lines).toHaveLength(END_LINES);
    expect(lines.at(-1)).toBe('ERROR: bad file');
    expect(lines[0]).toBe(rows[40 - END_LINES + 1]);
    expect(linesAtEnd(bytes(text), null, undefined, 2)).toEqual([rows[39], 'ERROR: bad file']);
  });

  it('reads the file in its own encoding, CR LF endings and all', () => {
    const text = 'msisdn;message\r\n4512345678;Hej\r\n\r\n# Afvist: række 2 er forkert\r\n';
    expect(linesAtEnd(bytes(text, 'utf16le'), null)).toEqual(['# Afvist: række 2 er forkert']);
    expect(linesAtEnd(bytes(text, 'windows-1252'), 'cp1252')).toEqual([
      '# Afvist: række 2 er forkert',
    ]);
  });

  it('never passes on a control character, and cuts a long line', () => {
    const long = '😀'.repeat(END_LINE_CHARS);
    const text = `${file}\n\u001b[2Jcleared\u0007\t!\n${long}\n`;
    const [first, second] = linesAtEnd(bytes(text), null);
    expect(first).toBe('\ufffd[2Jcleared\ufffd\t!');
    expect(second!.length).toBeLessThanOrEqual(END_LINE_CHARS);
    expect(second!.endsWith('…')).toBe(true);
    // Whole code points only: no lone half of a surrogate pair before the mark.
    expect([...second!.slice(0, -1)].every((c) => c === '😀')).toBe(true);
  });

  it('gives nothing for a file of empty lines', () => {
    expect(linesAtEnd(bytes('\n\r\n\n'), null)).toEqual([]);
    expect(linesAtEnd(new Uint8Array(0), null)).toEqual([]);
  });
});
