import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DialectParser } from './dialect';
import { parseDialect } from './dialect.test-util';
import type { Delimiter } from './dialect';
import { dialectText, oneCharAtATime, parseInChunks, pushInChunks } from './dialect.test-util';

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
