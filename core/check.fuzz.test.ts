import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFile } from './check';
import type { Verdict } from './check';
import { growth, LINEAR_LIMIT } from './growth.test-util';
import { MAX_KEPT_PROBLEMS, PROBLEM_CODES } from './problems';

// Robustness: check() is what the servers run on whatever a customer uploads, so for any bytes
// and any name it must give a verdict, never throw, and never take more than linear time.

function expectWellFormed(verdict: Verdict): void {
  expect(verdict.status).toBe(verdict.problemCount === 0 ? 'success' : 'rejected');
  expect(verdict.problems).toHaveLength(Math.min(verdict.problemCount, MAX_KEPT_PROBLEMS));
  const counted = Object.values(verdict.problemCounts).reduce((sum, n) => sum + n, 0);
  expect(counted).toBe(verdict.problemCount);
  for (const problem of verdict.problems) {
    expect(PROBLEM_CODES).toContain(problem.code);
    expect(problem.message).not.toMatch(/[\r\n]/);
    if (problem.row !== null) expect(problem.row).toBeGreaterThanOrEqual(1);
  }
  const headerUnreadable = (verdict.problemCounts['missing-column'] ?? 0) > 0;
  if (headerUnreadable) expect(verdict.messages).toEqual([]);
  else if (verdict.problems.length === verdict.problemCount) {
    expect(verdict.rows).toBe(verdict.messages.length + countFieldCount(verdict));
  }
  expect(verdict.parts).toBe(verdict.messages.reduce((sum, m) => sum + m.parts, 0));
}

function countFieldCount(verdict: Verdict): number {
  return verdict.problems.filter(
    (p) =>
      p.code === 'field-count' ||
      // An unclosed quote's row is counted as a row but, swallowing the file, has no message.
      (p.code === 'unclosed-quote' &&
        p.row !== null &&
        p.row > 1 &&
        !verdict.messages.some((m) => m.row === p.row)),
  ).length;
}

const names = fc.oneof(
  fc
    .array(fc.constantFrom('excel', 'EXCEL', 'utf8', 'cp1252', 'Utf8', 'csv', 'x', ''), {
      maxLength: 4,
    })
    .map((words) => ['list', ...words, 'ready'].join('.')),
  fc.string({ maxLength: 30 }),
);

const seeds = [
  'msisdn,message,sender,class,userref\n4512345678,"Hello, ""you""",Shop,standard,r1\n',
  'msisdn;message\r\n4512345678;"multi\r\nline"\r\n;\r\n4512345679;€ café\r\n',
  '\ufeffmsisdn,message\n4512345678,😀\n',
].map((s) => new TextEncoder().encode(s));

const mutated = fc
  .tuple(
    fc.constantFrom(...seeds),
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.constantFrom(0x22, 0x0d, 0x0a, 0x3b, 0x2c, 0x00, 0xff, 0xfe, 0x81, 0xc3, 0x09),
        fc.constantFrom('set', 'insert', 'delete'),
      ),
      { maxLength: 8 },
    ),
  )
  .map(([seed, edits]) => {
    const bytes = [...seed];
    for (const [at, value, how] of edits) {
      const i = at % (bytes.length + 1);
      if (how === 'set' && i < bytes.length) bytes[i] = value;
      else if (how === 'insert') bytes.splice(i, 0, value);
      else bytes.splice(i, 1);
    }
    return new Uint8Array(bytes);
  });

describe('fuzz: any bytes, any name, always a verdict', () => {
  it('random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), names, (bytes, name) => {
        expectWellFormed(checkFile({ name, bytes }));
      }),
      { numRuns: 2000 },
    );
  });
  it('mutated valid files', () => {
    fc.assert(
      fc.property(mutated, names, (bytes, name) => {
        expectWellFormed(checkFile({ name, bytes }));
      }),
      { numRuns: 3000 },
    );
  });
  it('random text of CSV-ish characters in every encoding the server reads', () => {
    const csvText = fc.string({
      unit: fc.constantFrom(
        '"',
        ';',
        ',',
        '\r',
        '\n',
        'a',
        '1',
        '€',
        '😀',
        ' ',
        '\t',
        'msisdn',
        'message',
      ),
      maxLength: 300,
    });
    fc.assert(
      fc.property(
        csvText,
        fc.constantFrom('x.ready', 'x.excel.ready', 'x.utf8.ready'),
        (t, name) => {
          expectWellFormed(checkFile({ name, bytes: new TextEncoder().encode(t) }));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('fuzz: a verdict on 1 MiB of the worst inputs, in linear time', () => {
  const KiB = 1 << 10;
  const MiB = 1 << 20;
  const encode = (text: string) => new TextEncoder().encode(text);
  const repeat = (s: string) => (size: number) =>
    encode(s.repeat(Math.ceil(size / s.length)).slice(0, size));
  // Timed from 8 KiB to 64 KiB, where a check's problems and messages cost V8 the same each
  // (see growth); a record of many fields, from 64 Ki fields up, where its array does.
  const cases: [string, (size: number) => Uint8Array, string, number][] = [
    ['quotes', repeat('"'), 'x.ready', 8 * KiB],
    ['CRs', repeat('\r'), 'x.ready', 8 * KiB],
    ['LFs', repeat('\n'), 'x.ready', 8 * KiB],
    ['delimiters', repeat(';'), 'x.excel.ready', 64 * KiB],
    [
      'one long quoted field',
      (size) => encode('msisdn,message\n1,"' + 'a'.repeat(size) + '"\n'),
      'x.ready',
      8 * KiB,
    ],
    ['doubled quotes', repeat('""'), 'x.ready', 8 * KiB],
    [
      'stray quotes',
      (size) => encode('msisdn,message\n' + 'a"b,c"d\n'.repeat(size / 8)),
      'x.ready',
      8 * KiB,
    ],
    ['wide header', repeat('msisdn,'), 'x.ready', 8 * KiB],
    [
      'tiny rows',
      (size) => encode('msisdn,message\n' + '1,2\n'.repeat(size / 4)),
      'x.ready',
      8 * KiB,
    ],
    [
      'invalid UTF-8 everywhere',
      (size) => new Uint8Array(size).fill(0x81),
      'x.utf8.ready',
      8 * KiB,
    ],
    ['zero bytes', (size) => new Uint8Array(size), 'x.ready', 8 * KiB],
    [
      'random bytes',
      (size) => Uint8Array.from({ length: size }, (_, i) => (i * 2654435761) >>> 24),
      'x.ready',
      8 * KiB,
    ],
  ];
  it.each(cases)('%s: a verdict, in time growing as the size', (_label, bytesOf, name, size) => {
    const verdict = checkFile({ name, bytes: bytesOf(MiB) });
    expect(verdict.status).toBe(verdict.problemCount === 0 ? 'success' : 'rejected');
    const ratio = growth(bytesOf, (bytes) => checkFile({ name, bytes }), size);
    expect(ratio).toBeLessThan(LINEAR_LIMIT);
  });
});
