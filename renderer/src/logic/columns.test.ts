import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countSegments } from '../../../core/segments';
import { lookalikeFix } from '../../../core/lookalikes';
import { readMessages, readNumbers } from './columns';
import { sampleSheet as sheet } from './preview-test-util';
import { sheetFromRows } from './sheet';
import { allTexts, textAt } from './text-column';

describe('the columns, read once for every preview built from them', () => {
  it('rows whose counts and fixes agree share them, and each still has its own (property)', () => {
    // Shared objects keep 100,000 rows light; sharing must never give a row another's figures.
    const piece = fc.constantFrom(
      'Hej',
      ' ',
      '–',
      '’',
      '…',
      'ç',
      '😀',
      '{',
      'Søren',
      '\u00a0',
      'x'.repeat(150),
    );
    const messageArb = fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(fc.array(messageArb, { minLength: 1, maxLength: 30 }), (texts) => {
        const rows = sheetFromRows('S', [
          ['msisdn', 'message'],
          ...texts.map((t) => ['4520123456', t + '.']),
        ]);
        const read = readMessages(rows, { kind: 'column', column: 1 });
        const written = allTexts(read.written);
        written.forEach((text, index) => {
          const fix = lookalikeFix(text);
          expect(read.fixes[index]).toEqual(fix);
          expect(read.segments[index]).toEqual(fix?.before ?? countSegments(text));
          const twin = written.indexOf(text);
          expect(read.fixes[index]).toBe(read.fixes[twin]);
          expect(read.segments[index]).toBe(read.segments[twin]);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('a different default country reads the numbers anew', () => {
    const danish = readNumbers(sheet, 0, 'DK');
    const german = readNumbers(sheet, 0, 'DE');
    expect(textAt(danish.msisdns, 1)).toBe('4520123457');
    expect(textAt(german.msisdns, 1)).not.toBe('4520123457');
  });
});
