import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DialectParser } from './dialect';
import { DIALECT_MESSAGES } from './dialect-problems';
import { parseDialect } from './dialect.test-util';
import type { Delimiter } from './dialect';
import type { DialectProblem } from './dialect-problems';
import { dialectText, events, fieldsOf, problem, problemsOf } from './dialect.test-util';

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
