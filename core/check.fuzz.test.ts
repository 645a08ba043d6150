import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFile } from './check';
import type { Verdict } from './check';
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

describe('fuzz: linear time on 1 MiB of the worst inputs', () => {
  const MiB = 1 << 20;
  const encode = (text: string) => new TextEncoder().encode(text);
  const repeat = (s: string) => (size: number) =>
    encode(s.repeat(Math.ceil(size / s.length)).slice(0, size));
  const cases: [string, (size: number) => Uint8Array, string][] = [
    ['quotes', repeat('"'), 'x.ready'],
    ['CRs', repeat('\r'), 'x.ready'],
    ['LFs', repeat('\n'), 'x.ready'],
    ['delimiters', repeat(';'), 'x.excel.ready'],
    [
      'one long quoted field',
      (size) => encode('msisdn,message\n1,"' + 'a'.repeat(size) + '"\n'),
      'x.ready',
    ],
    ['doubled quotes', repeat('""'), 'x.ready'],
    [
      'stray quotes',
      (size) => encode('msisdn,message\n' + 'a"b,c"d\n'.repeat(size / 8)),
      'x.ready',
    ],
    ['wide header', repeat('msisdn,'), 'x.ready'],
    ['tiny rows', (size) => encode('msisdn,message\n' + '1,2\n'.repeat(size / 4)), 'x.ready'],
    ['invalid UTF-8 everywhere', (size) => new Uint8Array(size).fill(0x81), 'x.utf8.ready'],
    ['zero bytes', (size) => new Uint8Array(size), 'x.ready'],
    [
      'random bytes',
      (size) => Uint8Array.from({ length: size }, (_, i) => (i * 2654435761) >>> 24),
      'x.ready',
    ],
  ];

  /** The best of three checks, in ms: the least disturbed by a busy machine. */
  const bestOf3 = (bytes: Uint8Array, name: string) => {
    let best = Infinity;
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      const verdict = checkFile({ name, bytes });
      best = Math.min(best, performance.now() - started);
      expect(verdict.status).toBe(verdict.problemCount === 0 ? 'success' : 'rejected');
    }
    return best;
  };

  // Growth, not a time limit: 4 times the input takes about 4 times as long when the work is
  // linear, and 16 times when it is quadratic. The floor keeps a tiny time's noise out.
  it.each(cases)('%s: 4 times the bytes, not 16 times the time', (_label, make, name) => {
    const small = bestOf3(make(MiB / 4), name);
    const large = bestOf3(make(MiB), name);
    expect(large).toBeLessThan(10 * Math.max(small, 5));
  });
});
