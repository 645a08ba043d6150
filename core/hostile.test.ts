import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { causeInFile } from './rejected-file';
import { MAX_CAUSE_LINES } from './cause';
import { checkFile, inspectFile } from './check';
import { DialectParser } from './dialect';
import { parseDialect } from './dialect.test-util';
import type { Delimiter } from './dialect';
import { HOSTILE_PATTERNS, hostileBytes, unitsIn } from './hostile.test-util';
import { MAX_KEPT_PROBLEMS, ProblemTally } from './problems';
import type { Problem, ProblemCounts } from './problems';
import { processFile } from './processing';
import { KEPT_NAMES, RowChecker } from './row-checker';
import { FileText } from './file-text';
import { WEB_LATIN1 } from './windows1252';
import { PLAIN_TEXT } from './values';
import { MessageList } from './message-sink';

// Issue 15: a check's memory is bounded by the file's size, whatever the file holds. Every
// problem is counted, but only the first MAX_KEPT_PROBLEMS are kept; no list grows with the
// count of rows, fields or names. Asserted by counting what is kept, not by timing or RSS: the
// 30 MiB figures are in bench/hostile.bench.ts.

const SIZE = 2 << 20;
const at = new Date(Date.UTC(2026, 10, 24, 14, 0, 0));

/** What each pattern must come to, for `n` repetitions of its unit. */
const EXPECTED: Record<string, (n: number) => { counts: ProblemCounts; rows: number }> = {
  'tiny rows': (n) => ({ counts: { 'field-count': n }, rows: n }),
  // Each CR ends a row of one empty field, which is blank and skipped.
  'only CRs': (n) => ({ counts: { 'bad-line-ending': n, 'no-rows': 1 }, rows: 0 }),
  'one long field': () => ({ counts: { 'message-too-long': 1 }, rows: 1 }),
  'one long quoted field': () => ({ counts: { 'message-too-long': 1 }, rows: 1 }),
  'one field of ""': () => ({ counts: { 'message-too-long': 1 }, rows: 1 }),
  'one long msisdn': () => ({ counts: { 'bad-msisdn': 1 }, rows: 1 }),
  'every field quoted': (n) => ({ counts: { 'bad-msisdn': n }, rows: n }),
  'a row of delimiters': () => ({ counts: { 'no-rows': 1 }, rows: 0 }),
  'a row of ;': () => ({ counts: { 'no-rows': 1 }, rows: 0 }),
  'a row of a,': () => ({ counts: { 'field-count': 1 }, rows: 1 }),
  'a header of delimiters': (n) => ({ counts: { 'unknown-column': n, 'field-count': 1 }, rows: 1 }),
  'a header of names': (n) => ({ counts: { 'unknown-column': n, 'field-count': 1 }, rows: 1 }),
  'stray quotes': (n) => ({ counts: { 'stray-quote': n, 'field-count': n }, rows: n }),
  'a row of "a"b': (n) => ({ counts: { 'stray-quote': n, 'field-count': 1 }, rows: 1 }),
  'unclosed quote': () => ({ counts: { 'unclosed-quote': 1, 'message-too-long': 1 }, rows: 1 }),
  'tiny valid rows': (n) => ({ counts: {}, rows: n }),
  'mixed classes': (n) => ({ counts: { 'bad-class': n, 'mixed-class': n }, rows: 3 * n }),
  'bad bytes (.cp1252)': () => ({ counts: { 'bad-encoding': 1 }, rows: 0 }),
  'bad bytes (.utf8)': () => ({ counts: { 'bad-encoding': 1 }, rows: 0 }),
  'tiny rows, UTF-16LE': (n) => ({ counts: { 'field-count': n }, rows: n }),
};

const total = (counts: ProblemCounts) => Object.values(counts).reduce((sum, n) => sum + n, 0);

describe('issue 15: every hostile pattern is counted exactly, and only the first problems kept', () => {
  it('has an expectation for every pattern', () => {
    expect(HOSTILE_PATTERNS.map((p) => p.name).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(HOSTILE_PATTERNS.map((pattern) => [pattern.name, pattern] as const))(
    '%s',
    (_, pattern) => {
      const bytes = hostileBytes(pattern, SIZE);
      const expected = EXPECTED[pattern.name]!(unitsIn(pattern, SIZE));
      const { decision } = inspectFile({ name: pattern.uploadName, bytes });
      expect(decision.problemCounts).toEqual(expected.counts);
      expect(decision.problemCount).toBe(total(expected.counts));
      expect(decision.rows).toBe(expected.rows);
      expect(decision.status).toBe(decision.problemCount === 0 ? 'success' : 'rejected');
      expect(decision.problems).toHaveLength(Math.min(decision.problemCount, MAX_KEPT_PROBLEMS));
      // The kept ones are the first in row order, whole-file problems first.
      const rows = decision.problems.map((p) => p.row ?? 0);
      expect(rows).toEqual([...rows].sort((a, b) => a - b));
    },
  );

  it('keeps the first problems in row order: the whole-file ones, then the earliest rows', () => {
    // Only CRs: a bad-line-ending for every row from 2 on, and no-rows for the whole file.
    const pattern = HOSTILE_PATTERNS.find((p) => p.name === 'only CRs')!;
    const { decision } = inspectFile({ name: 'x.ready', bytes: hostileBytes(pattern, 1 << 20) });
    expect(decision.problems[0]!.code).toBe('no-rows');
    expect(decision.problems.slice(1).map((p) => p.row)).toEqual(
      Array.from({ length: MAX_KEPT_PROBLEMS - 1 }, (_, i) => i + 2),
    );
  });

  it("the server's cause counts them all: the first 100 listed, then `... and K more`", () => {
    const pattern = HOSTILE_PATTERNS.find((p) => p.name === 'stray quotes')!;
    const bytes = hostileBytes(pattern, 1 << 20);
    const n = unitsIn(pattern, 1 << 20);
    const result = processFile({ name: pattern.uploadName, bytes }, at);
    expect(result.outcome).toBe('rejected');
    if (result.outcome !== 'rejected') return;
    expect(result.verdict.problemCount).toBe(2 * n);
    const cause = causeInFile(result.bytes, null);
    expect(cause).toMatchObject({ total: 2 * n, more: 2 * n - MAX_CAUSE_LINES });
    expect(cause?.problems).toEqual(
      result.verdict.problems.slice(0, MAX_CAUSE_LINES).map(({ row, column, code, message }) => ({
        row,
        column,
        code,
        message,
      })),
    );
  });

  it('a rejected file of many rows keeps none of its messages on the server', () => {
    // The server needs the messages only to queue them: at the first problem it drops them.
    const text = `msisdn,message\n1,a\n${'4512345678,a\n'.repeat(10_000)}`;
    const list = new MessageList();
    const { messages } = list;
    const build = { sink: list, limit: Infinity, resolver: null, only: false, ifAccepted: true };
    const checker = new RowChecker(
      ',',
      new FileText(text, null, false, WEB_LATIN1),
      PLAIN_TEXT,
      build,
    );
    checker.push(text);
    checker.finish();
    expect(checker.tally.total).toBe(1);
    expect({ kept: messages.length, dropped: checker.messagesDropped }).toEqual({
      kept: 0,
      dropped: true,
    });
    // Asked for all the same, they are read again.
    const inspection = inspectFile(
      { name: 'x.ready', bytes: new TextEncoder().encode(text) },
      { keepMessages: 'if-accepted' },
    );
    expect(inspection.messages()).toHaveLength(10_001);
  });
});

describe('issue 15: nothing grows with the count of fields or names', () => {
  it('keeps at most the header count of fields per row, counting the rest exactly', () => {
    const row = 'a,'.repeat(200_000);
    let kept = 0;
    let counted = 0;
    let passed = 0;
    const parser = new DialectParser(',', {
      record: (fields, _row, _starts, count) => {
        kept = Math.max(kept, fields.length);
        counted = count;
      },
      problem: () => {},
      field: () => passed++,
    });
    parser.keepFields(5);
    parser.push(`${row}\n`);
    parser.finish();
    expect({ kept, counted, passed }).toEqual({ kept: 5, counted: 200_001, passed: 199_996 });
  });

  it('gives the same records, field places and problems whatever it keeps (property)', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', '"', '""', ',', ';', '\r', '\n', 'é'),
      maxLength: 60,
    });
    const cuts = fc.array(fc.nat(), { maxLength: 4 });
    fc.assert(
      fc.property(
        text,
        fc.nat({ max: 4 }),
        cuts,
        fc.constantFrom<Delimiter>(',', ';'),
        (input, keep, at, delimiter) => {
          const records: { row: number; fields: string[]; starts: number[] }[] = [];
          let passed: string[] = [];
          let passedStarts: number[] = [];
          const problems: unknown[] = [];
          const parser = new DialectParser(delimiter, {
            record: (fields, row, starts, count) => {
              expect(fields).toHaveLength(Math.min(count, keep));
              records.push({
                row,
                fields: [...fields, ...passed],
                starts: [...starts.slice(0, fields.length), ...passedStarts],
              });
              passed = [];
              passedStarts = [];
            },
            problem: (problem) => problems.push(problem),
            field: (value, index, start) => {
              expect(index).toBe(keep + passed.length);
              passed.push(value);
              passedStarts.push(start);
            },
          });
          parser.keepFields(keep);
          let from = 0;
          for (const cut of [...at.map((c) => c % (input.length + 1))].sort((a, b) => a - b)) {
            parser.push(input.slice(from, cut));
            from = cut;
          }
          parser.push(input.slice(from));
          parser.finish();
          const whole = parseDialect(input, delimiter);
          expect(records.map(({ row, fields }) => ({ row, fields }))).toEqual(whole.records);
          expect(problems).toEqual(whole.problems);
          for (const { fields, starts } of records) {
            fields.forEach((field, i) => {
              if (starts[i]! >= 0)
                expect(input.slice(starts[i], starts[i]! + field.length)).toBe(field);
            });
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('keeps KEPT_NAMES of a header, and still finds a known column past them', () => {
    const names = Array.from({ length: 5000 }, (_, i) => `x${i}`);
    // The row's values, past the kept fields too, are read: its msisdn is too short.
    const text = `${names.join(',')},msisdn,message\n${'"a"b,'.repeat(5000)}123,hi\n`;
    const checker = new RowChecker(',', new FileText(text, null, false, WEB_LATIN1), PLAIN_TEXT);
    checker.push(text);
    checker.finish();
    expect(checker.names).toHaveLength(KEPT_NAMES);
    expect(checker.headerCount).toBe(5002);
    expect(checker.readable).toBe(true);
    expect(checker.tally.counts).toEqual({
      'unknown-column': 5000,
      'stray-quote': 5000,
      'bad-msisdn': 1,
    });
    // The columns of kept problems past the kept names are named all the same.
    const problems = checker.problems();
    expect(problems).toHaveLength(MAX_KEPT_PROBLEMS);
    expect(problems.every((p) => p.row === 1 && p.code === 'unknown-column')).toBe(true);
  });

  it('names a column past the kept names from the header read again', () => {
    // msisdn once, then the same name many times: one problem in the header, so the data row's
    // problems are kept, in columns past KEPT_NAMES.
    const header = ['msisdn', 'message', ...Array<string>(3000).fill('msisdn')];
    const row = ['4512345678', 'hi', ...Array<string>(3000).fill('')];
    row[2500] = 'a"b';
    const text = `${header.join(',')}\n${row.join(',')}\n`;
    const { decision } = inspectFile({ name: 'x.ready', bytes: new TextEncoder().encode(text) });
    const found = decision.problems.map(({ row, column, code }) => ({ row, column, code }));
    expect(found).toEqual<Partial<Problem>[]>([
      { row: 1, column: 'msisdn', code: 'duplicate-column' },
      { row: 2, column: 'msisdn', code: 'stray-quote' },
    ]);
  });

  it('reads a Windows-1252 value past the kept fields as the character it stands for', () => {
    // 0x80 is the euro sign in Windows-1252: check leaves it pending until a value is read.
    const header = [...Array.from({ length: 2000 }, (_, i) => `x${i}`), 'msisdn', 'message'];
    const row = [...Array<string>(2000).fill(''), '4512345678', '\x80uro, \x93quoted\x94'];
    const latin1 = `${header.join(';')}\r\n${row.join(';')}\r\n`;
    const bytes = Uint8Array.from(latin1, (c) => c.charCodeAt(0));
    const verdict = checkFile({ name: 'x.excel.ready', bytes });
    expect(verdict.encoding).toBe('windows-1252');
    expect(verdict.problemCounts).toEqual({ 'unknown-column': 2000 });
    expect(verdict.messages).toEqual([
      expect.objectContaining({ row: 2, msisdn: '4512345678', message: '€uro, “quoted”' }),
    ]);
    const later = inspectFile({ name: 'x.excel.ready', bytes }).messages();
    expect(later[0]?.message).toBe('€uro, “quoted”');
    expect(later[0]?.encoding).toBe('UCS-2');
  });

  it('a tally cut back many times keeps exactly what a full sort keeps', () => {
    // Rows out of order, as no rule reports them, to prove the cut is right in any order.
    const rows = Array.from({ length: 50_000 }, (_, i) => (i * 7919) % 12_345);
    const tally = new ProblemTally(100);
    const all: Problem[] = [];
    rows.forEach((row, i) => {
      const problem: Problem = { row, column: null, code: 'bad-msisdn', message: `${i}` };
      tally.push(problem);
      all.push(problem);
    });
    const expected = [...all].sort((a, b) => a.row! - b.row!).slice(0, 100);
    expect(tally.problems()).toEqual(expected);
    expect(tally.total).toBe(50_000);
  });
});
