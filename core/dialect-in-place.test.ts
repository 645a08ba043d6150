// Issue 16: after leaveInPlace the parser gives a kept field that stands in the input as one
// piece as '' with where it starts and ends, a quoted one with its `""` as written (`pairs`),
// and makes no string of it. Read back from the input, every field is the one the parser
// gives as a string without leaveInPlace, whatever the input and however it is chunked.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DialectParser } from './dialect';
import type { Delimiter } from './dialect';
import type { DialectProblem } from './dialect-problems';

interface Parsed {
  records: string[][];
  problems: DialectProblem[];
}

function parse(input: string, cuts: number[], delimiter: Delimiter, inPlace: boolean): Parsed {
  const parsed: Parsed = { records: [], problems: [] };
  const parser: DialectParser = new DialectParser(delimiter, {
    record(fields, _row, starts, _count, ends) {
      parsed.records.push(
        fields.map((field, i) => {
          if (field !== '' || starts[i]! < 0) return field;
          const written = input.slice(starts[i], ends[i]);
          // pairs says how many `""` a quoted field's text as written holds (an unquoted
          // field's quotes are stray ones, kept as they are).
          const pairs = parser.pairs[i]!;
          if (pairs > 0) expect(written.split('""').length - 1).toBe(pairs);
          return parser.pairs[i] === 0 ? written : written.replaceAll('""', '"');
        }),
      );
    },
    problem: (problem) => parsed.problems.push(problem),
  });
  if (inPlace) parser.leaveInPlace();
  let at = 0;
  for (const cut of [...cuts.map((c) => c % (input.length + 1))].sort((a, b) => a - b)) {
    parser.push(input.slice(at, Math.max(at, cut)));
    at = Math.max(at, cut);
  }
  parser.push(input.slice(at));
  parser.finish();
  return parsed;
}

const text = fc.string({
  unit: fc.constantFrom('a', 'é', '"', '""', ';', ',', '\r', '\n', '\r\n', ' '),
  maxLength: 80,
});

describe('issue 16: fields left in place read back as the fields made strings', () => {
  it('any input, any chunks, quoted fields with `""` and stray quotes included (property)', () => {
    fc.assert(
      fc.property(
        text,
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.constantFrom<Delimiter>(';', ','),
        (input, cuts, delimiter) => {
          expect(parse(input, cuts, delimiter, true)).toEqual(parse(input, cuts, delimiter, false));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('a quoted field of many `""` stays one piece of the input', () => {
    const field = `"${'a""'.repeat(5000)}"`;
    const input = `x;${field};y\r\n`;
    const parser = new DialectParser(';', {
      record(fields, _row, starts, _count, ends) {
        expect(fields).toEqual(['', '', '']);
        expect(input.slice(starts[1], ends[1])).toBe('a""'.repeat(5000));
        expect(parser.pairs[1]).toBe(5000);
      },
      problem: () => expect.unreachable(),
    });
    parser.leaveInPlace();
    parser.push(input);
    parser.finish();
  });
});
