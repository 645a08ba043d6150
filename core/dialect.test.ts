import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { DialectParser } from './dialect';
import { DIALECT_MESSAGES } from './dialect-problems';
import { parseDialect } from './dialect.test-util';
import type { Delimiter, RecordSink } from './dialect';
import type { DialectProblem } from './dialect-problems';
import { growth, LINEAR_LIMIT } from './growth.test-util';

type Parsed = ReturnType<typeof parseDialect>;

/** The fields of each record, for tests where the rows are obvious. */
function fieldsOf(text: string, delimiter: Delimiter = ','): string[][] {
  return parseDialect(text, delimiter).records.map((record) => record.fields);
}

/** Feeds `text` to `sink` cut at `cuts` (positions, in any order, duplicates allowed). */
function pushInChunks(text: string, delimiter: Delimiter, cuts: number[], sink: RecordSink): void {
  const parser = new DialectParser(delimiter, sink);
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    parser.push(text.slice(from, cut));
    from = cut;
  }
  parser.push(text.slice(from));
  parser.finish();
}

function parseInChunks(text: string, delimiter: Delimiter, cuts: number[]): Parsed {
  const result: Parsed = { records: [], problems: [] };
  pushInChunks(text, delimiter, cuts, {
    record: (fields, row) => result.records.push({ row, fields }),
    problem: (problem) => result.problems.push(problem),
  });
  return result;
}

function oneCharAtATime(text: string, delimiter: Delimiter): Parsed {
  return parseInChunks(
    text,
    delimiter,
    Array.from({ length: text.length }, (_, i) => i),
  );
}

/** Records and problems in the order the sink got them. */
function events(text: string, delimiter: Delimiter = ','): string[] {
  const log: string[] = [];
  const parser = new DialectParser(delimiter, {
    record: (fields, row) => log.push(`record ${row} ${JSON.stringify(fields)}`),
    problem: (problem) => log.push(`problem ${problem.row} ${problem.code} ${problem.field}`),
  });
  parser.push(text);
  parser.finish();
  return log;
}

function problem(
  code: DialectProblem['code'],
  row: number,
  field: number | null,
): Omit<DialectProblem, 'message'> {
  return { code, row, field };
}

/** The problems without their messages, which have their own tests. */
function problemsOf(text: string, delimiter: Delimiter = ','): Omit<DialectProblem, 'message'>[] {
  return parseDialect(text, delimiter).problems.map(({ code, row, field }) => ({
    code,
    row,
    field,
  }));
}

/** Short texts built mostly from the characters the dialect cares about. */
function dialectText(maxLength = 40): fc.Arbitrary<string> {
  return fc.string({
    unit: fc.constantFrom('a', 'b', ' ', '"', '"', ',', ';', '\r', '\n', '\\', 'é', '😀'),
    maxLength,
  });
}

describe('SPEC 4: the delimiter is the one the caller gives', () => {
  it('splits on "," and keeps ";" as data', () => {
    expect(fieldsOf('a,b;c\n', ',')).toEqual([['a', 'b;c']]);
  });

  it('splits on ";" (the excel modifier) and keeps "," as data', () => {
    expect(fieldsOf('a;b,c\n', ';')).toEqual([['a', 'b,c']]);
  });

  it('keeps a tab as data: tab-delimited files are not supported', () => {
    expect(fieldsOf('msisdn\tmessage\n', ',')).toEqual([['msisdn\tmessage']]);
  });

  it('gives empty fields between adjacent delimiters and at both ends', () => {
    expect(fieldsOf(',a,,b,\n')).toEqual([['', 'a', '', 'b', '']]);
    expect(fieldsOf(';;;;', ';')).toEqual([['', '', '', '', '']]);
  });

  it('refuses any other delimiter as a bug', () => {
    expect(() => new DialectParser('\t' as Delimiter, { record() {}, problem() {} })).toThrow();
  });
});

describe('SPEC 4: fields may be quoted with "', () => {
  it('drops the quotes around a quoted field', () => {
    expect(fieldsOf('"a","b c"\n')).toEqual([['a', 'b c']]);
  });

  it('reads "" inside quotes as one quote', () => {
    expect(fieldsOf('"say ""hi""",""""\n')).toEqual([['say "hi"', '"']]);
  });

  it('reads "" as an empty field and """""" as two quotes', () => {
    expect(fieldsOf('"",""""""\n')).toEqual([['', '""']]);
  });

  it('keeps the delimiter, LF, CR LF and a lone CR inside quotes as data', () => {
    expect(fieldsOf('"a,b","c\nd","e\r\nf","g\rh"\n')).toEqual([['a,b', 'c\nd', 'e\r\nf', 'g\rh']]);
    expect(problemsOf('"a,b","c\nd","e\r\nf","g\rh"\n')).toEqual([]);
  });

  it('keeps ";" inside quotes as data with the ";" delimiter', () => {
    expect(fieldsOf('"a;b";c\n', ';')).toEqual([['a;b', 'c']]);
  });

  it('reads a backslash as an ordinary character, before a quote too', () => {
    expect(fieldsOf('"a\\b","c\\"""\n')).toEqual([['a\\b', 'c\\"']]);
    expect(problemsOf('"a\\b","c\\"""\n')).toEqual([]);
  });

  it('counts a record whose quoted field spans lines as ONE row, as Excel does', () => {
    const { records } = parseDialect('h1,h2\n"multi\nline\r\ntext",x\nlast,y\n', ',');
    expect(records).toEqual([
      { row: 1, fields: ['h1', 'h2'] },
      { row: 2, fields: ['multi\nline\r\ntext', 'x'] },
      { row: 3, fields: ['last', 'y'] },
    ]);
  });
});

describe('SPEC 4: rows end with LF or CR LF, mixed freely', () => {
  it('ends rows at LF', () => {
    expect(parseDialect('a,b\nc,d\n', ',').records).toEqual([
      { row: 1, fields: ['a', 'b'] },
      { row: 2, fields: ['c', 'd'] },
    ]);
  });

  it('ends rows at CR LF, the CR not being data', () => {
    expect(fieldsOf('a,b\r\nc,d\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('takes LF and CR LF mixed in one file, after quoted and unquoted fields', () => {
    const parsed = parseDialect('a\r\n"b"\n"c"\r\nd\n', ',');
    expect(parsed.records.map((r) => r.fields)).toEqual([['a'], ['b'], ['c'], ['d']]);
    expect(parsed.problems).toEqual([]);
  });

  it('emits no record for the empty input', () => {
    expect(parseDialect('', ',')).toEqual({ records: [], problems: [] });
  });

  it('makes a final row without a line ending a record', () => {
    expect(fieldsOf('a\nb,c')).toEqual([['a'], ['b', 'c']]);
    expect(fieldsOf('a\n"b"')).toEqual([['a'], ['b']]);
    expect(fieldsOf('a\nb,')).toEqual([['a'], ['b', '']]);
  });

  it('makes no extra record for a trailing line ending', () => {
    expect(fieldsOf('a\n')).toEqual([['a']]);
    expect(fieldsOf('a\r\n')).toEqual([['a']]);
  });

  it('emits an empty line as a record with one empty field, and numbers it as a row', () => {
    expect(parseDialect('h\n\r\n\nx\n\n', ',').records).toEqual([
      { row: 1, fields: ['h'] },
      { row: 2, fields: [''] },
      { row: 3, fields: [''] },
      { row: 4, fields: ['x'] },
      { row: 5, fields: [''] },
    ]);
    expect(fieldsOf('\n')).toEqual([['']]);
  });

  it('emits a row of delimiters only (;;;; from Excel) for the caller to skip', () => {
    expect(parseDialect('h;i\n;\r\n', ';').records).toEqual([
      { row: 1, fields: ['h', 'i'] },
      { row: 2, fields: ['', ''] },
    ]);
  });
});

describe('SPEC 4: a CR alone outside quotes is bad-line-ending', () => {
  it('reports it at its row, without a field, and ends the row there', () => {
    const parsed = parseDialect('h\na\rb\nc\n', ',');
    expect(problemsOf('h\na\rb\nc\n')).toEqual([problem('bad-line-ending', 2, null)]);
    expect(parsed.records).toEqual([
      { row: 1, fields: ['h'] },
      { row: 2, fields: ['a'] },
      { row: 3, fields: ['b'] },
      { row: 4, fields: ['c'] },
    ]);
  });

  it('reports each row of a CR-only (classic Mac) file', () => {
    const parsed = parseDialect('h\ra\rb\r', ',');
    expect(parsed.records.map((r) => r.fields)).toEqual([['h'], ['a'], ['b']]);
    expect(problemsOf('h\ra\rb\r')).toEqual([
      problem('bad-line-ending', 1, null),
      problem('bad-line-ending', 2, null),
      problem('bad-line-ending', 3, null),
    ]);
  });

  it('reports a CR at the very end of the input', () => {
    expect(problemsOf('a\nb\r')).toEqual([problem('bad-line-ending', 2, null)]);
    expect(fieldsOf('a\nb\r')).toEqual([['a'], ['b']]);
  });

  it('reads CR CR LF as a lone CR (an empty row follows it) then CR LF', () => {
    expect(parseDialect('a\r\r\nb\n', ',').records).toEqual([
      { row: 1, fields: ['a'] },
      { row: 2, fields: [''] },
      { row: 3, fields: ['b'] },
    ]);
    expect(problemsOf('a\r\r\nb\n')).toEqual([problem('bad-line-ending', 1, null)]);
  });

  it('reports a lone CR after a closing quote, and one before a delimiter', () => {
    expect(problemsOf('"a"\r"b"\n')).toEqual([problem('bad-line-ending', 1, null)]);
    expect(fieldsOf('"a"\r"b"\n')).toEqual([['a'], ['b']]);
    expect(fieldsOf('a\r,b\n')).toEqual([['a'], ['', 'b']]);
  });

  it('does not report a CR inside quotes', () => {
    expect(problemsOf('"a\rb"\n')).toEqual([]);
  });
});

describe('SPEC 4: a quote that opens a field but never closes is unclosed-quote', () => {
  it('reports the row and field where it opened; the field runs to the end', () => {
    const parsed = parseDialect('h1,h2\na,"bc\nd,e\r\nf\n', ',');
    expect(problemsOf('h1,h2\na,"bc\nd,e\r\nf\n')).toEqual([problem('unclosed-quote', 2, 1)]);
    expect(parsed.records).toEqual([
      { row: 1, fields: ['h1', 'h2'] },
      { row: 2, fields: ['a', 'bc\nd,e\r\nf\n'] },
    ]);
  });

  it('reads "" inside the unclosed field as a quote: a final "" does not close it', () => {
    expect(problemsOf('"ab""')).toEqual([problem('unclosed-quote', 1, 0)]);
    expect(fieldsOf('"ab""')).toEqual([['ab"']]);
  });

  it('reports a lone opening quote at the end of the input', () => {
    expect(problemsOf('a,"')).toEqual([problem('unclosed-quote', 1, 1)]);
    expect(fieldsOf('a,"')).toEqual([['a', '']]);
  });

  it('does not report a quoted field that closes at the very end of the input', () => {
    expect(problemsOf('"ab"')).toEqual([]);
    expect(problemsOf('"ab"""')).toEqual([]);
    expect(fieldsOf('"ab"""')).toEqual([['ab"']]);
  });

  it('reports it only at finish, since more input could close it', () => {
    const found: DialectProblem[] = [];
    const parser = new DialectParser(',', {
      record() {},
      problem: (p) => found.push(p),
    });
    parser.push('a,"b');
    expect(found).toEqual([]);
    parser.finish();
    expect(found.map((p) => p.code)).toEqual(['unclosed-quote']);
  });
});

describe('SPEC 4: a quote inside an unquoted field, or text after a closing quote, is stray-quote', () => {
  it('reports a quote inside an unquoted field and keeps it as data', () => {
    expect(problemsOf('h\nab"c,d\n')).toEqual([problem('stray-quote', 2, 0)]);
    expect(fieldsOf('h\nab"c,d\n')).toEqual([['h'], ['ab"c', 'd']]);
  });

  it('reports text after a closing quote, keeping that quote and the text', () => {
    expect(problemsOf('x,"ab"c,d\n')).toEqual([problem('stray-quote', 1, 1)]);
    expect(fieldsOf('x,"ab"c,d\n')).toEqual([['x', 'ab"c', 'd']]);
  });

  it('treats a space after the closing quote as text after it', () => {
    expect(problemsOf('"ab" ,c\n')).toEqual([problem('stray-quote', 1, 0)]);
    expect(fieldsOf('"ab" ,c\n')).toEqual([['ab" ', 'c']]);
  });

  it('opens quotes only at the FIRST character of a field: a leading space makes them stray', () => {
    expect(problemsOf(' "a",b\n')).toEqual([problem('stray-quote', 1, 0)]);
    expect(fieldsOf(' "a",b\n')).toEqual([[' "a"', 'b']]);
  });

  it('never starts quoting at a stray quote: the delimiter after it still splits', () => {
    expect(fieldsOf('a"b,c"d\n')).toEqual([['a"b', 'c"d']]);
    expect(fieldsOf('"a"b,c\n')).toEqual([['a"b', 'c']]);
  });

  it('reports once per field, however many stray quotes it has', () => {
    expect(problemsOf('a"b"c"d,"x"y"z""\n')).toEqual([
      problem('stray-quote', 1, 0),
      problem('stray-quote', 1, 1),
    ]);
    expect(fieldsOf('a"b"c"d,"x"y"z""\n')).toEqual([['a"b"c"d', 'x"y"z""']]);
  });

  it('reports each field of a row that has one, with its index', () => {
    expect(problemsOf('h\n"a"b,ok,c"\n')).toEqual([
      problem('stray-quote', 2, 0),
      problem('stray-quote', 2, 2),
    ]);
  });

  it('reads a backslash-escaped quote as a closing quote followed by text, as the provider warns', () => {
    expect(problemsOf('"a \\"b\\" c"\n')).toEqual([problem('stray-quote', 1, 0)]);
    expect(fieldsOf('"a \\"b\\" c"\n')).toEqual([['a \\"b\\" c"']]);
  });
});

describe('SPEC 4: field values are taken as they are', () => {
  it('keeps leading and trailing spaces, quoted or not', () => {
    expect(fieldsOf('  a  ," b ",\t\n')).toEqual([['  a  ', ' b ', '\t']]);
  });

  it('keeps non-ASCII text, emoji and form feeds as they are', () => {
    expect(fieldsOf('æøå,"😀 €\f"\n')).toEqual([['æøå', '😀 €\f']]);
  });
});

describe("SPEC 4: the provider's own examples (seed page)", () => {
  it('reads the unix example (comma, LF)', () => {
    const text =
      '"test","4510203040","MyCompany","standard","I\'m John Doe, who ""randomly"" quote things."\n' +
      ',"4512345678",,"standard","Optional fields"\n';
    expect(parseDialect(text, ',')).toEqual({
      records: [
        {
          row: 1,
          fields: [
            'test',
            '4510203040',
            'MyCompany',
            'standard',
            'I\'m John Doe, who "randomly" quote things.',
          ],
        },
        { row: 2, fields: ['', '4512345678', '', 'standard', 'Optional fields'] },
      ],
      problems: [],
    });
  });

  it('reads the Excel example (semicolon, CR LF as Excel writes it)', () => {
    const text =
      '"test";"4510203040";"MyCompany";"standard";"I\'m John Doe, who ""randomly"" quote things."\r\n';
    expect(parseDialect(text, ';')).toEqual({
      records: [
        {
          row: 1,
          fields: [
            'test',
            '4510203040',
            'MyCompany',
            'standard',
            'I\'m John Doe, who "randomly" quote things.',
          ],
        },
      ],
      problems: [],
    });
  });

  it('keeps newlines inside a quoted message, CR LF as two characters', () => {
    expect(fieldsOf('msisdn,message\n4510203040,"Line one\r\nLine two\nLine three"\n')).toEqual([
      ['msisdn', 'message'],
      ['4510203040', 'Line one\r\nLine two\nLine three'],
    ]);
  });

  it('reads the unix example with the ; delimiter as one field per row, for the caller to reject', () => {
    const records = fieldsOf(',"4512345678",,"standard","Optional fields"\n', ';');
    expect(records).toHaveLength(1);
    expect(records[0]).toHaveLength(1);
  });
});

describe('Problems: one sentence each, reported before the record of their row', () => {
  it('gives each kind its own single-line sentence', () => {
    const messages = [...parseDialect('a\rb"c,"d"e,"f', ',').problems.map((p) => p.message)];
    expect(new Set(messages)).toEqual(new Set(Object.values(DIALECT_MESSAGES)));
    for (const message of messages) {
      expect(message).toMatch(/^[A-Z][^\r\n]*\.$/);
    }
  });

  it('reports every problem of a row before that row record', () => {
    expect(events('h\r"a"b,c"\n"x')).toEqual([
      'problem 1 bad-line-ending null',
      'record 1 ["h"]',
      'problem 2 stray-quote 0',
      'problem 2 stray-quote 1',
      'record 2 ["a\\"b","c\\""]',
      'problem 3 unclosed-quote 0',
      'record 3 ["x"]',
    ]);
  });

  it('holds for any input: the next record after a problem is the row of that problem', () => {
    fc.assert(
      fc.property(dialectText(), fc.constantFrom<Delimiter>(',', ';'), (text, delimiter) => {
        const log: { kind: 'record' | 'problem'; row: number }[] = [];
        const parser = new DialectParser(delimiter, {
          record: (_fields, row) => log.push({ kind: 'record', row }),
          problem: ({ row }) => log.push({ kind: 'problem', row }),
        });
        parser.push(text);
        parser.finish();
        let nextRecordRow = -1;
        for (let at = log.length - 1; at >= 0; at--) {
          const entry = log[at]!;
          if (entry.kind === 'record') nextRecordRow = entry.row;
          else expect(entry.row).toBe(nextRecordRow);
        }
        const recordRows = log.filter((entry) => entry.kind === 'record').map((e) => e.row);
        expect(recordRows).toEqual(recordRows.map((_, at) => at + 1));
      }),
      { numRuns: 300 },
    );
  });
});

describe('Streaming: any chunking of the input gives the same records and problems', () => {
  const tricky = [
    'a,b\r\nc,d\r\n',
    '"a""b","c\r\nd"\r\n',
    '"ab"c,"d"\r"e"',
    'x\r\r\ny\r',
    '"unclosed ""still\n',
    '"",,"";\n',
    ' "a" ,b"c\n\n',
    '"😀","é"""\r\n😀"\n',
  ];

  for (const text of tricky) {
    it(`is the same for every cut of ${JSON.stringify(text)}`, () => {
      for (const delimiter of [',', ';'] as const) {
        const whole = parseDialect(text, delimiter);
        for (let cut = 0; cut <= text.length; cut++) {
          expect(parseInChunks(text, delimiter, [cut])).toEqual(whole);
        }
        expect(oneCharAtATime(text, delimiter)).toEqual(whole);
      }
    });
  }

  it('is the same pushed one character at a time (property)', () => {
    fc.assert(
      fc.property(dialectText(60), fc.constantFrom<Delimiter>(',', ';'), (text, delimiter) => {
        expect(oneCharAtATime(text, delimiter)).toEqual(parseDialect(text, delimiter));
      }),
      { numRuns: 500 },
    );
  });

  /** Each record's field offsets, as the sink sees them (the parser reuses its array). */
  function startsInChunks(text: string, delimiter: Delimiter, cuts: number[]): number[][] {
    const all: number[][] = [];
    pushInChunks(text, delimiter, cuts, {
      record: (fields, _row, starts) => {
        const copy = fields.map((_, i) => starts[i]!);
        fields.forEach((field, i) => {
          if (copy[i]! >= 0) expect(text.slice(copy[i], copy[i]! + field.length)).toBe(field);
        });
        all.push(copy);
      },
      problem: () => {},
    });
    return all;
  }

  it('is the same for random chunk splits, empty chunks included, field places too (property)', () => {
    fc.assert(
      fc.property(
        dialectText(80),
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.constantFrom<Delimiter>(',', ';'),
        (text, cuts, delimiter) => {
          const at = cuts.map((cut) => cut % (text.length + 1));
          expect(parseInChunks(text, delimiter, at)).toEqual(parseDialect(text, delimiter));
          expect(startsInChunks(text, delimiter, at)).toEqual(startsInChunks(text, delimiter, []));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gives no place for a field with a doubled quote, and one for every other field', () => {
    const text = 'a,"b""c","d\r\ne",,"",f\r\n';
    expect(startsInChunks(text, ',', [4, 12])).toEqual([[0, -1, 10, 16, 18, 20]]);
  });

  it('refuses push or finish after finish as a bug', () => {
    const parser = new DialectParser(',', { record() {}, problem() {} });
    parser.push('a');
    parser.finish();
    expect(() => parser.push('b')).toThrow();
    expect(() => parser.finish()).toThrow();
  });
});

describe('SPEC 4 round trip: any records written in the dialect read back unchanged', () => {
  /** Writes a field as a careful writer does: quoted where needed, quotes doubled. */
  function writeField(field: string, delimiter: Delimiter, alwaysQuote: boolean): string {
    const needsQuotes = alwaysQuote || /["\r\n]/.test(field) || field.includes(delimiter);
    return needsQuotes ? `"${field.replaceAll('"', '""')}"` : field;
  }

  it('reads back every record with its row, and reports nothing', () => {
    const field = fc.string({
      unit: fc.constantFrom('a', ' ', '"', ',', ';', '\r', '\n', '\\', 'ø', '😀'),
      maxLength: 8,
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { maxLength: 8 }),
        fc.constantFrom<Delimiter>(',', ';'),
        fc.boolean(),
        fc.array(fc.constantFrom('\n', '\r\n'), { minLength: 8, maxLength: 8 }),
        (records, delimiter, alwaysQuote, endings) => {
          const text = records
            .map(
              (fields, at) =>
                fields.map((f) => writeField(f, delimiter, alwaysQuote)).join(delimiter) +
                endings[at],
            )
            .join('');
          expect(parseDialect(text, delimiter)).toEqual({
            records: records.map((fields, at) => ({ row: at + 1, fields })),
            problems: [],
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('Linear time: 1 MiB pathological inputs parsed right, in time growing as their size', () => {
  const KiB = 1 << 10;
  const MiB = 1 << 20;

  interface Summary {
    records: number;
    problems: number;
    codes: Set<string>;
    last: { row: number; fields: string[] } | null;
    lastProblem: DialectProblem | null;
  }

  /**
   * Parses in the given chunks into counts and the last record, so that the time is the
   * parser's, not that of keeping a million records alive.
   */
  function summarize(chunks: string[], delimiter: Delimiter = ','): Summary {
    const summary: Summary = {
      records: 0,
      problems: 0,
      codes: new Set(),
      last: null,
      lastProblem: null,
    };
    const parser = new DialectParser(delimiter, {
      record: (fields, row) => {
        summary.records++;
        summary.last = { row, fields };
      },
      problem: (p) => {
        summary.problems++;
        summary.codes.add(p.code);
        summary.lastProblem = p;
      },
    });
    for (const chunk of chunks) parser.push(chunk);
    parser.finish();
    return summary;
  }

  /**
   * Parsing 8 times the input takes about 8 times as long, where quadratic work takes 64; timed
   * from `size` to 8 times that. Both sizes must cost V8 the same per character: a field built
   * of many pieces costs several times more per piece once it outgrows V8's young generation
   * (about 256 Ki pieces), so such inputs are timed from 16 KiB; a record's array of fields
   * costs several times more per field as it grows to tens of thousands (V8's large objects,
   * then the CPU's caches), so a record of many fields is timed from over 40 Ki fields.
   */
  function expectLinear(
    input: (size: number) => string[],
    { size = 32 * KiB, delimiter = ',' }: { size?: number; delimiter?: Delimiter } = {},
  ): void {
    const ratio = growth(input, (chunks) => summarize(chunks, delimiter), size);
    expect(ratio).toBeLessThan(LINEAR_LIMIT);
  }

  it('all quotes: one quoted field of doubled quotes', () => {
    const input = (size: number) => ['"'.repeat(size)];
    const result = summarize(input(MiB));
    expect(result.problems).toBe(0);
    expect(result.records).toBe(1);
    expect(result.last?.fields).toEqual(['"'.repeat(MiB / 2 - 1)]);
    expectLinear(input);
  });

  it('all CRs: a record and a bad-line-ending for each', () => {
    const input = (size: number) => ['\r'.repeat(size)];
    const result = summarize(input(MiB));
    expect(result.records).toBe(MiB);
    expect(result.problems).toBe(MiB);
    expect(result.lastProblem).toMatchObject({ code: 'bad-line-ending', row: MiB });
    expectLinear(input);
  });

  it('all LFs: an empty record for each', () => {
    const input = (size: number) => ['\n'.repeat(size)];
    const result = summarize(input(MiB));
    expect(result.records).toBe(MiB);
    expect(result.last).toEqual({ row: MiB, fields: [''] });
    expectLinear(input);
  });

  it('all delimiters: one record of empty fields', () => {
    const input = (size: number) => [';'.repeat(size)];
    const result = summarize(input(MiB), ';');
    expect(result.records).toBe(1);
    expect(result.last?.fields).toHaveLength(MiB + 1);
    expectLinear(input, { size: 64 * KiB, delimiter: ';' });
  });

  it('one 1 MiB quoted field full of delimiters and line breaks', () => {
    const body = (size: number) => 'a,\r\n'.repeat(size / 4);
    const input = (size: number) => [`"${body(size)}"`];
    const result = summarize(input(MiB));
    expect(result.records).toBe(1);
    expect(result.last).toEqual({ row: 1, fields: [body(MiB)] });
    expectLinear(input);
  });

  it('many "" in one quoted field', () => {
    const pairs = (size: number) => Math.floor(size / 3);
    const input = (size: number) => [`"${'a""'.repeat(pairs(size))}"`];
    const result = summarize(input(MiB));
    expect(result.last?.fields).toEqual(['a"'.repeat(pairs(MiB))]);
    expectLinear(input, { size: 16 * KiB });
  });

  it('stray quotes throughout one unquoted field, and after a closing quote', () => {
    const unquotedInput = (size: number) => ['a"'.repeat(size / 2)];
    const unquoted = summarize(unquotedInput(MiB));
    expect(unquoted.problems).toBe(1);
    expect(unquoted.last?.fields[0]).toHaveLength(MiB);
    expectLinear(unquotedInput);
    const afterCloseInput = (size: number) => [`"a"${'b"'.repeat(size / 2)}`];
    const afterClose = summarize(afterCloseInput(MiB));
    expect(afterClose.problems).toBe(1);
    expect(afterClose.last?.fields[0]).toHaveLength(MiB + 2);
    expectLinear(afterCloseInput);
  });

  it('an unclosed quote followed by 1 MiB of rows', () => {
    const input = (size: number) => [`"${'x,y\r\n'.repeat(size / 5)}`];
    const result = summarize(input(MiB));
    expect(result.lastProblem).toMatchObject({ code: 'unclosed-quote', row: 1, field: 0 });
    expect(result.records).toBe(1);
    expectLinear(input);
  });

  it('alternating quoted and lone CRs, and many empty quoted fields', () => {
    const crsInput = (size: number) => ['"\r"\r'.repeat(size / 4)];
    const crs = summarize(crsInput(MiB));
    expect(crs.records).toBe(MiB / 4);
    expect(crs.problems).toBe(MiB / 4);
    expect(crs.last).toEqual({ row: MiB / 4, fields: ['\r'] });
    expectLinear(crsInput);
    const fields = (size: number) => Math.floor(size / 3);
    const emptiesInput = (size: number) => ['"",'.repeat(fields(size))];
    const empties = summarize(emptiesInput(MiB));
    expect(empties.last?.fields).toHaveLength(fields(MiB) + 1);
    expectLinear(emptiesInput, { size: 128 * KiB });
  });

  it('a 1 MiB field pushed one character at a time, quoted and unquoted', () => {
    for (const quote of ['', '"']) {
      const input = (size: number) => [quote, ...Array.from({ length: size }, () => 'a'), quote];
      const result = summarize(input(MiB));
      expect(result.problems).toBe(0);
      expect(result.last?.fields).toEqual(['a'.repeat(MiB)]);
      expectLinear(input, { size: 16 * KiB });
    }
  });

  it('1 MiB of rows pushed one character at a time', () => {
    const row = 'a,"b""c"\r\n';
    const rows = (size: number) => Math.floor(size / row.length);
    const input = (size: number) => Array.from(row.repeat(rows(size)));
    const result = summarize(input(MiB));
    expect(result.records).toBe(rows(MiB));
    expect(result.last).toEqual({ row: rows(MiB), fields: ['a', 'b"c'] });
    expectLinear(input);
  });
});

describe('Linear time once V8 has optimized the parser for quoted and unquoted fields', () => {
  it('parses unquoted rows in linear time after many quoted ones', () => {
    // With both kinds of field hot, V8 once merged two identical quote searches into one run
    // from every position: a million characters of these rows took seconds. Whether the
    // optimizer does that depends on timing, so a fresh Node that optimizes on its main thread
    // (deterministic) runs it.
    const url = (file: string) => JSON.stringify(new URL(file, import.meta.url).href);
    const script = `
      const { DialectParser } = await import(${url('./dialect.ts')});
      const { growth } = await import(${url('./growth.test-util.ts')});
      const count = (text) => {
        let records = 0;
        const parser = new DialectParser(',', { record: () => records++, problem() {} });
        parser.push(text);
        parser.finish();
        return records;
      };
      const quoted = 'msisdn,"Hello, ""you""",x\\r\\n'.repeat(10000);
      for (let warm = 0; warm < 20; warm++) count(quoted);
      const rows = (size) => 'a,b\\r\\n'.repeat(size);
      const records = count(rows(200000));
      const ratio = growth(rows, count, 30_000);
      console.log(JSON.stringify({ records, ratio }));
    `;
    const output = execFileSync(
      process.execPath,
      ['--no-concurrent-recompilation', '--import', 'tsx', '--input-type=module', '-e', script],
      { encoding: 'utf8' },
    );
    const { records, ratio } = JSON.parse(output) as { records: number; ratio: number };
    expect(records).toBe(200_000);
    expect(ratio).toBeLessThan(LINEAR_LIMIT);
  });
});
