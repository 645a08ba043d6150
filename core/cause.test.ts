import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { appendCause, causeLines, causeText, MAX_CAUSE_LINES, parseCause } from './cause';
import { decode } from './decode';
import { growth, LINEAR_LIMIT } from './growth.test-util';
import type { Encoding, ForcedEncoding } from './decode';
import { PROBLEM_CODES } from './problems';
import type { Problem } from './problems';

const at = new Date(Date.UTC(2026, 10, 24, 14, 0, 0));
const HEADER = '# REJECTED 2026-11-24T14:00:00Z';

const problem = (fields: Partial<Problem> = {}): Problem => ({
  row: null,
  column: null,
  code: 'bad-msisdn',
  message: 'The number is too short.',
  ...fields,
});

const many = (count: number): Problem[] =>
  Array.from({ length: count }, (_, i) => problem({ row: i + 2, column: 'msisdn' }));

/** What a line can hold of a text, written independently of cause.ts. */
const oneLine = (text: string) =>
  text
    // eslint-disable-next-line no-control-regex -- control characters are what is replaced
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

/** The problem as the block gives it back: one-line texts, no offset. */
const asWritten = ({ row, column, code, message }: Problem): Problem => ({
  row,
  column: column === null ? null : oneLine(column),
  code,
  message: oneLine(message),
});

describe('SPEC 8 the block: a header, then a line per problem', () => {
  it('writes the header with the UTC time and the count written literally as N problem(s)', () => {
    expect(causeLines([problem()], at)[0]).toBe(`${HEADER}: 1 problem(s)`);
    expect(causeLines(many(3), at)[0]).toBe(`${HEADER}: 3 problem(s)`);
    const withOffset = new Date('2026-11-24T16:00:00.999+02:00');
    expect(causeLines([problem()], withOffset)[0]).toBe(`${HEADER}: 1 problem(s)`);
  });

  it('writes row R, column C: CODE: sentence, leaving out what a problem has none of', () => {
    expect(
      causeLines(
        [
          problem({ row: 7, column: 'msisdn', message: 'Too short.' }),
          problem({ row: 1, column: null, code: 'field-count', message: 'Two fields.' }),
          problem({ row: null, column: 'class', code: 'mixed-class', message: 'Mixed.' }),
          problem({ code: 'too-large', message: 'The file is too large.' }),
        ],
        at,
      ),
    ).toEqual([
      `${HEADER}: 4 problem(s)`,
      '# row 7, column msisdn: bad-msisdn: Too short.',
      '# row 1, field-count: Two fields.',
      '# column class: mixed-class: Mixed.',
      '# too-large: The file is too large.',
    ]);
  });

  it('lists 100 problems whole', () => {
    const lines = causeLines(many(MAX_CAUSE_LINES), at);
    expect(MAX_CAUSE_LINES).toBe(100);
    expect(lines).toHaveLength(101);
    expect(lines[0]).toBe(`${HEADER}: 100 problem(s)`);
    expect(lines[100]).toBe('# row 101, column msisdn: bad-msisdn: The number is too short.');
  });

  it('lists the first 100 of 101 problems, then counts the rest', () => {
    const lines = causeLines(many(101), at);
    expect(lines).toHaveLength(102);
    expect(lines[0]).toBe(`${HEADER}: 101 problem(s)`);
    expect(lines[100]).toBe('# row 101, column msisdn: bad-msisdn: The number is too short.');
    expect(lines[101]).toBe('# ... and 1 more');
    expect(causeLines(many(250_000), at).at(-1)).toBe('# ... and 249900 more');
  });

  it('counts every problem found where only the first are kept (issue 15)', () => {
    const lines = causeLines(many(1000), at, 15_728_590);
    expect(lines).toHaveLength(102);
    expect(lines[0]).toBe(`${HEADER}: 15728590 problem(s)`);
    expect(lines[100]).toBe('# row 101, column msisdn: bad-msisdn: The number is too short.');
    expect(lines[101]).toBe('# ... and 15728490 more');
    expect(causeLines(many(100), at, 101).at(-1)).toBe('# ... and 1 more');
  });

  it('refuses a total below the problems given, or above them with fewer than 100 given', () => {
    expect(() => causeLines(many(3), at, 2)).toThrow(RangeError);
    expect(() => causeLines(many(99), at, 100)).toThrow(RangeError);
    expect(() => causeLines(many(3), at, 3.5)).toThrow(RangeError);
  });

  it('writes a header alone for no problems', () => {
    expect(causeLines([], at)).toEqual([`${HEADER}: 0 problem(s)`]);
  });

  it('puts line breaks and other control characters of a sentence or column as spaces', () => {
    const [, line] = causeLines(
      [problem({ row: 2, column: 'a\r\nb', message: 'one\ntwo\rthree\tfour\u0085five\u2028six' })],
      at,
    );
    expect(line).toBe('# row 2, column a  b: bad-msisdn: one two three four five six');
  });

  it('writes an unpaired surrogate as U+FFFD and keeps pairs', () => {
    const [, line] = causeLines([problem({ message: 'a\ud800b😀\udc00' })], at);
    expect(line).toBe('# bad-msisdn: a\ufffdb😀\ufffd');
  });

  it('quotes a column name that would otherwise read back as another, and only such a name', () => {
    const line = (column: string) => causeLines([problem({ column })], at)[1];
    expect(line('a: b')).toBe('# column a: b: bad-msisdn: The number is too short.');
    expect(line('a: bad-class: b')).toBe(
      '# column "a: bad-class: b": bad-msisdn: The number is too short.',
    );
    expect(line('a: bad-class')).toBe(
      '# column "a: bad-class": bad-msisdn: The number is too short.',
    );
    expect(line('"x" y')).toBe('# column """x"" y": bad-msisdn: The number is too short.');
    expect(line('y "x"')).toBe('# column y "x": bad-msisdn: The number is too short.');
  });

  it('a row that is not a whole number, or a time it cannot write, is a bug', () => {
    for (const row of [-1, 1.5, NaN, Infinity, 2 ** 53]) {
      expect(() => causeLines([problem({ row })], at)).toThrow(RangeError);
    }
    expect(() => causeLines([problem()], new Date(NaN))).toThrow(RangeError);
    expect(() => causeLines([problem()], new Date(Date.UTC(10000, 0, 1)))).toThrow(RangeError);
  });
});

describe("SPEC 8 where the block goes: after the file, in the file's line ending", () => {
  const problems = [problem({ row: 2, column: 'msisdn' })];
  const block = (eol: string) => causeLines(problems, at).join(eol) + eol;

  it('an LF file that ends with a line ending gets an empty line, then the block', () => {
    expect(causeText('msisdn,message\n1,a\n', problems, at)).toBe(`\n${block('\n')}`);
  });

  it('a file without a line ending at its end gets one first', () => {
    expect(causeText('msisdn,message\n1,a', problems, at)).toBe(`\n\n${block('\n')}`);
    expect(causeText('msisdn,message', problems, at)).toBe(`\n\n${block('\n')}`);
  });

  it('a CR LF file gets CR LF', () => {
    expect(causeText('msisdn;message\r\n1;a\r\n', problems, at)).toBe(`\r\n${block('\r\n')}`);
    expect(causeText('msisdn;message\r\n1;a', problems, at)).toBe(`\r\n\r\n${block('\r\n')}`);
  });

  it('the first row decides: LF then CR LF is LF, CR LF then LF is CR LF', () => {
    expect(causeText('h\n1\r\n', problems, at)).toBe(`\n${block('\n')}`);
    expect(causeText('h\r\n1\n', problems, at)).toBe(`\r\n${block('\r\n')}`);
    expect(causeText('h\n1\r\n2', problems, at)).toBe(`\n\n${block('\n')}`);
  });

  it('a lone CR is no line ending, at the end or in the first row', () => {
    expect(causeText('h\n1\r', problems, at)).toBe(`\n\n${block('\n')}`);
    expect(causeText('h\r1\n', problems, at)).toBe(`\n${block('\n')}`);
    expect(causeText('h\r', problems, at)).toBe(`\n\n${block('\n')}`);
  });

  it('an empty file does not end with a line ending, so it gets one (the literal reading)', () => {
    expect(causeText('', problems, at)).toBe(`\n\n${block('\n')}`);
  });

  it('leaves the file above it as it was, and reads back from the end', () => {
    const text = 'msisdn,message\n"1","a\n# REJECTED"\n';
    const whole = text + causeText(text, problems, at);
    expect(whole.startsWith(text)).toBe(true);
    expect(parseCause(whole)?.problems).toEqual(problems);
  });
});

const encodings: { encoding: Encoding; iconv: string; forced: ForcedEncoding; bom: number[] }[] = [
  { encoding: 'utf-8', iconv: 'utf8', forced: 'utf8', bom: [] },
  { encoding: 'windows-1252', iconv: 'windows-1252', forced: 'cp1252', bom: [] },
  { encoding: 'utf-16le', iconv: 'utf16le', forced: null, bom: [0xff, 0xfe] },
  { encoding: 'utf-16be', iconv: 'utf16be', forced: null, bom: [0xfe, 0xff] },
  { encoding: 'utf-32le', iconv: 'utf32le', forced: null, bom: [0xff, 0xfe, 0x00, 0x00] },
  { encoding: 'utf-32be', iconv: 'utf32be', forced: null, bom: [0x00, 0x00, 0xfe, 0xff] },
];

const encode = (text: string, name: string) => new Uint8Array(iconv.encode(text, name));
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

/** Decodes as the server does, then reads the cause back. */
function readBack(bytes: Uint8Array, forced: ForcedEncoding) {
  const decoded = decode(bytes, forced);
  if (!decoded.ok) throw new Error(decoded.problem.message);
  return { text: decoded.text, cause: parseCause(decoded.text) };
}

describe("SPEC 8 appendCause: the file's bytes untouched, then the block in its own encoding", () => {
  const problems = [
    problem({ row: 3, column: 'message', code: 'empty-message', message: 'Empty: "é€".' }),
    problem({ code: 'no-rows', message: 'No rows.' }),
  ];

  describe.each(encodings)('$encoding', ({ encoding, iconv: name, forced, bom }) => {
    it.each([
      ['LF', 'msisdn,message\n4512345678,Hej Sø\n'],
      ['CR LF', 'msisdn;message\r\n4512345678;Hej Sø\r\n'],
      ['no line ending at the end', 'msisdn,message\n4512345678,Hej Sø'],
    ])('%s', (_, text) => {
      const bytes = concat(Uint8Array.from(bom), encode(text, name));
      const result = appendCause(bytes, { encoding, text }, problems, at);
      const appended = causeText(text, problems, at);
      // The original bytes first, then the block in the file's encoding, with no BOM of its own.
      expect(result.subarray(0, bytes.length)).toEqual(bytes);
      expect(result.subarray(bytes.length)).toEqual(encode(appended, name));
      const back = readBack(result, forced);
      expect(back.text).toBe(text + appended);
      expect(back.cause).toEqual({ at: '2026-11-24T14:00:00Z', total: 2, problems, more: 0 });
    });

    it('a file that was not decoded takes its layout from its code units', () => {
      const text = 'msisdn\r\n\u0a0d\u0d0a';
      const bytes = concat(Uint8Array.from(bom), encode(text, name));
      const result = appendCause(bytes, { encoding, text: null }, problems, at);
      expect(result.subarray(bytes.length)).toEqual(encode(causeText(text, problems, at), name));
      expect(causeText(text, problems, at).startsWith('\r\n\r\n# REJECTED')).toBe(true);
    });
  });

  it('writes what Windows-1252 has no byte for as ?', () => {
    const text = 'msisdn\n';
    const emoji = [problem({ message: 'Bad 😀 and € and é.' })];
    const result = appendCause(
      encode(text, 'windows-1252'),
      { encoding: 'windows-1252', text },
      emoji,
      at,
    );
    expect(readBack(result, 'cp1252').cause?.problems[0]?.message).toBe('Bad ? and € and é.');
  });

  describe('a file with no encoding (too large, unread): UTF-8, layout from the raw bytes', () => {
    const tooLarge = [problem({ code: 'too-large', message: 'Too large.' })];
    const append = (raw: string) =>
      new TextDecoder().decode(
        appendCause(encode(raw, 'latin1'), { encoding: null, text: null }, tooLarge, at),
      );
    const lines = (eol: string) => causeLines(tooLarge, at).join(eol) + eol;

    it.each([
      ['LF, ending with one', 'h\n1\n', `h\n1\n\n${lines('\n')}`],
      ['CR LF, ending with one', 'h\r\n1\r\n', `h\r\n1\r\n\r\n${lines('\r\n')}`],
      ['CR LF, ending without', 'h\r\n1', `h\r\n1\r\n\r\n${lines('\r\n')}`],
      ['LF first, then CR LF', 'h\n1\r\n', `h\n1\r\n\n${lines('\n')}`],
      ['a lone CR at the end', 'h\n1\r', `h\n1\r\n\n${lines('\n')}`],
      ['no line ending at all', 'h', `h\n\n${lines('\n')}`],
      ['empty', '', `\n\n${lines('\n')}`],
    ])('%s', (_, raw, expected) => {
      expect(append(raw)).toBe(expected);
    });

    it('a wide file that stops inside a code unit does not end with a line ending', () => {
      const bytes = Uint8Array.from([0xff, 0xfe, 0x68, 0x00, 0x0a, 0x00, 0x0a]);
      const result = appendCause(bytes, { encoding: 'utf-16le', text: null }, tooLarge, at);
      // A zero byte finishes the last unit, so that the block's units line up with the file's.
      expect(result.subarray(bytes.length)).toEqual(
        concat(Uint8Array.of(0), encode(`\n\n${lines('\n')}`, 'utf16le')),
      );
    });
  });
});

describe('SPEC 8 parseCause: the problems the server found, back from the file', () => {
  const text = 'msisdn,message\n1,a\n';
  const problems = [
    problem({ row: 2, column: 'msisdn' }),
    problem({ row: 5, code: 'field-count', message: 'Three fields, not 2.' }),
    problem({ column: 'class', code: 'mixed-class', message: 'Rows 2 and 3 differ.' }),
    problem({ code: 'internal-error', message: '' }),
  ];
  const rejected = text + causeText(text, problems, at);

  it('reads every form of problem line back', () => {
    expect(parseCause(rejected)).toEqual({
      at: '2026-11-24T14:00:00Z',
      total: 4,
      problems,
      more: 0,
    });
  });

  it('reads 100 listed and the rest counted', () => {
    const all = many(101);
    const cause = parseCause(text + causeText(text, all, at));
    expect(cause).toMatchObject({ total: 101, more: 1 });
    expect(cause?.problems).toEqual(all.slice(0, 100));
  });

  it('reads a block of no problems', () => {
    expect(parseCause(text + causeText(text, [], at))).toEqual({
      at: '2026-11-24T14:00:00Z',
      total: 0,
      problems: [],
      more: 0,
    });
  });

  it('reads the last block of a file rejected twice', () => {
    const later = new Date(Date.UTC(2026, 10, 25, 9, 30, 1));
    const again =
      rejected + causeText(rejected, [problem({ code: 'no-rows', message: 'x' })], later);
    expect(parseCause(again)).toMatchObject({ at: '2026-11-25T09:30:01Z', total: 1 });
  });

  it('allows empty lines after the block, as an editor may add', () => {
    expect(parseCause(`${rejected}\n\r\n\n`)?.problems).toEqual(problems);
  });

  // Issue 19: the provider's page says only that the cause is "added to the bottom of the file".
  it.each([
    ['without the empty line before it', rejected.replace('\n\n#', '\n#')],
    ['as the first line', rejected.slice(rejected.indexOf('#'))],
    ['with CR LF line endings', rejected.replaceAll('\n', '\r\n').replace('\r\n\r\n#', '\r\n#')],
  ])('reads a block appended %s', (_, file) => {
    expect(parseCause(file)).toEqual({ at: '2026-11-24T14:00:00Z', total: 4, problems, more: 0 });
  });

  it('drops the byte offset, which the format does not hold', () => {
    const bad = problem({ code: 'bad-encoding', message: 'Byte 0x81 at offset 9.', offset: 9 });
    const cause = parseCause(text + causeText(text, [bad], at));
    expect(cause?.problems).toEqual([asWritten(bad)]);
    expect(cause?.problems[0]).not.toHaveProperty('offset');
  });

  it.each([
    ['a file without a block', text],
    ['an empty file', ''],
    ['a block with a line after it', `${rejected}1,b\n`],
    ['a block with an empty line inside', rejected.replace('\n# row 5', '\n\n# row 5')],
    ['a count that disagrees', rejected.replace('4 problem(s)', '5 problem(s)')],
    ['a count with a leading zero', rejected.replace('4 problem(s)', '04 problem(s)')],
    ['a row with a leading zero', rejected.replace('row 2,', 'row 02,')],
    ['a row that is not a number', rejected.replace('row 2,', 'row two,')],
    ['an unknown code', rejected.replace('field-count:', 'field-counts:')],
    ['an unclosed quoted column', rejected.replace('column class', 'column "class')],
    ['a time that is not real', rejected.replace('2026-11-24T14', '2026-02-30T14')],
    ['a time in another form', rejected.replace('14:00:00Z', '14:00:00.000Z')],
    ['hour 24', rejected.replace('T14:00:00Z', 'T24:00:00Z')],
    ['a year with a sign', rejected.replace('2026-11-24', '+02026-11-24')],
    ['a line that is not the format', rejected.replace('# row 5', '#row 5')],
  ])('reads nothing from %s', (_, file) => {
    expect(parseCause(file)).toBeNull();
  });

  it.each([
    [
      '101 problem lines',
      () =>
        text +
        causeText(text, many(100), at)
          .replace('100 problem(s)', '101 problem(s)')
          .replace('# row 2,', '# row 1, column msisdn: bad-msisdn: x\n# row 2,'),
    ],
    [
      'a more line after fewer than 100',
      () => rejected.replace('4 problem(s)', '5 problem(s)').replace(/\n$/, '\n# ... and 1 more\n'),
    ],
    [
      'a more line of 0',
      () => text + causeText(text, many(101), at).replace('and 1 more', 'and 0 more'),
    ],
  ])('reads nothing from a block with %s', (_, file) => {
    expect(parseCause(file())).toBeNull();
  });

  it('reads back column names and sentences that look like the format', () => {
    const tricky = [
      problem({ row: 9, column: 'a: bad-class: b', code: 'bad-class', message: 'm' }),
      problem({ column: 'a', code: 'bad-msisdn', message: 'b: bad-class: m' }),
      problem({ column: 'x: bad-class', message: 'bad-msisdn: y' }),
      problem({ column: '"quoted"', message: '"' }),
      problem({ column: '""', message: '' }),
      problem({ column: '', message: ': : :' }),
      problem({ column: 'row 5, column c', message: 'row 5, column c: bad-msisdn: x' }),
      problem({
        row: 12,
        column: '12, column 3: 4',
        message: '# REJECTED 2026-11-24T14:00:00Z: 1 problem(s)',
      }),
      problem({ column: 'a:', message: ':' }),
      problem({ column: ': bad-msisdn: ', message: ' ' }),
    ];
    expect(parseCause(text + causeText(text, tricky, at))?.problems).toEqual(tricky);
  });

  it('reads back what it wrote, for any problems', () => {
    const anyProblem = fc.record({
      row: fc.option(fc.nat(), { nil: null }),
      column: fc.option(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.stringMatching(/^[a-z"]*(: (bad-msisdn|bad-class|x)(: )?[a-z"]*)*$/),
        ),
        { nil: null },
      ),
      code: fc.constantFrom(...PROBLEM_CODES),
      message: fc.oneof(fc.string({ unit: 'binary' }), fc.stringMatching(/^[: a-z"-]*$/)),
    });
    fc.assert(
      fc.property(fc.array(anyProblem, { maxLength: 120 }), fc.string(), (problems, text) => {
        const cause = parseCause(text + causeText(text, problems, at));
        expect(cause).toEqual({
          at: '2026-11-24T14:00:00Z',
          total: problems.length,
          problems: problems.slice(0, MAX_CAUSE_LINES).map(asWritten),
          more: Math.max(0, problems.length - MAX_CAUSE_LINES),
        });
      }),
    );
  });

  it.each(encodings)(
    'reads back what it wrote through $encoding',
    ({ encoding, iconv: name, forced, bom }) => {
      // Windows-1252 holds only its own characters; the Unicode encodings hold any text.
      const char =
        encoding === 'windows-1252'
          ? fc
              .integer({ min: 0, max: 255 })
              .map((byte) => iconv.decode(Buffer.from([byte]), 'windows-1252'))
              .filter((c) => c !== '\ufffd')
          : fc.string({ unit: 'binary', minLength: 1, maxLength: 1 });
      const anyText = fc.string({ unit: char });
      const anyProblem = fc.record({
        row: fc.option(fc.nat(), { nil: null }),
        column: fc.option(anyText, { nil: null }),
        code: fc.constantFrom(...PROBLEM_CODES),
        message: anyText,
      });
      fc.assert(
        fc.property(fc.array(anyProblem, { maxLength: 5 }), fc.boolean(), (problems, crlf) => {
          const text = crlf ? 'msisdn;message\r\n1;a' : 'msisdn,message\n1,a\n';
          const bytes = concat(Uint8Array.from(bom), encode(text, name));
          const back = readBack(appendCause(bytes, { encoding, text }, problems, at), forced);
          expect(back.cause?.problems).toEqual(problems.map(asWritten));
        }),
        { numRuns: 50 },
      );
    },
  );

  it('reads a large file without a block, or with one, in linear time', () => {
    // Files of `size` rows, and texts as long, that a careless search would go through again
    // from every line.
    const texts = (size: number) => {
      const rows = 'msisdn,message\n' + '4512345678,"Hello ""there""\r\n, friend"\n'.repeat(size);
      return [
        rows,
        '\n'.repeat(size * 2),
        '# row 1, column '.concat(': bad'.repeat(size), '\n'),
        `\n${'# REJECTED '.repeat(size * 2)}`,
        rows + causeText(rows, many(1000), at),
      ];
    };
    const totals = (found: string[]) => found.map((text) => parseCause(text)?.total ?? null);
    expect(totals(texts(600_000))).toEqual([null, null, null, null, 1000]);
    expect(growth(texts, totals, 20_000)).toBeLessThan(LINEAR_LIMIT);
  });
});
