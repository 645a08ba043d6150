import { describe, expect, it } from 'vitest';
import { appendCause, causeLines, causeText, MAX_CAUSE_LINES, parseCause } from './cause';
import { at, encode, encodings, HEADER, many, problem, readBack } from './cause.test-util';
import { concat } from './bytes.test-util';

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
      const bytes = concat([Uint8Array.from(bom), encode(text, name)]);
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
      const bytes = concat([Uint8Array.from(bom), encode(text, name)]);
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
        concat([Uint8Array.of(0), encode(`\n\n${lines('\n')}`, 'utf16le')]),
      );
    });
  });
});
