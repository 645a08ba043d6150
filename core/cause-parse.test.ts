import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { appendCause, causeText, MAX_CAUSE_LINES, parseCause } from './cause';
import { growth, LINEAR_LIMIT } from './growth.test-util';
import { PROBLEM_CODES } from './problems';
import { asWritten, at, encode, encodings, many, problem, readBack } from './cause.test-util';
import { concat } from './bytes.test-util';

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
          const bytes = concat([Uint8Array.from(bom), encode(text, name)]);
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
