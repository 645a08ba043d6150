import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRow } from '../../../core/values';
import { countSegments } from '../../../core/segments';
import { lookalikeFix } from '../../../core/lookalikes';
import { writeExport } from '../../../core/writer';
import type { Mapping } from './mapping';
import {
  assemblePreview,
  buildPreview,
  DEFAULT_BATCH,
  outgoingMessages,
  readMessages,
  readNumbers,
} from './rows';
import type { BatchSettings } from './rows';
import type { PreviewRow } from './rows';
import { sheetFromRows } from './sheet';
import { allTexts, textAt } from './text-column';
import { totalsOf } from './totals';

const sheet = sheetFromRows('S', [
  ['Telefon', 'Navn', 'Besked'],
  ['+45 20 12 34 56', 'Ann', 'Hi Ann, it’s ready'],
  ['20123457', 'Bo', 'Hej Bo – velkommen'],
  ['0045 20123456', 'Ann', 'Again'],
  ['4.51E+09', 'Cy', ''],
]);
const byColumn: Mapping = {
  msisdn: 0,
  message: { kind: 'column', column: 2 },
  sender: null,
  userref: null,
  class: null,
};

/** Every field of a row, texts read: what a person sees of it. */
function plainRow(row: PreviewRow): Record<keyof PreviewRow, unknown> {
  return {
    index: row.index,
    sourceRow: row.sourceRow,
    typedNumber: row.typedNumber,
    msisdn: row.msisdn,
    numberVerdict: row.numberVerdict,
    message: row.message,
    sender: row.sender,
    messageClass: row.messageClass,
    userref: row.userref,
    encoding: row.encoding,
    units: row.units,
    parts: row.parts,
    errors: row.errors,
    warnings: row.warnings,
    duplicateOf: row.duplicateOf,
    fix: row.fix,
    included: row.included,
  };
}

describe('preview rows through core (SPEC 6 and 7; issue 5, flow 4)', () => {
  it('normalises numbers and takes encoding and parts from core', () => {
    const { rows } = buildPreview(sheet, byColumn, DEFAULT_BATCH);
    expect(rows.map((r) => r.msisdn)).toEqual([
      '4520123456',
      '4520123457',
      '4520123456',
      '4.51E+09',
    ]);
    for (const row of rows) {
      const segments = countSegments(row.message);
      expect([row.encoding, row.units, row.parts]).toEqual([
        segments.encoding,
        segments.units,
        segments.parts,
      ]);
    }
    expect(rows[0]!.encoding).toBe('UCS-2');
  });

  it('reports what the server would reject with the spreadsheet row, as core does', () => {
    const { rows } = buildPreview(sheet, byColumn, DEFAULT_BATCH);
    const last = rows[3]!;
    expect(last.sourceRow).toBe(5);
    const expected: Parameters<typeof checkRow>[2] = [];
    checkRow({ msisdn: '4.51E+09', message: '', sender: '', class: '', userref: '' }, 5, expected);
    expect(last.errors).toEqual(expected);
    expect(last.errors.map((e) => e.code)).toEqual(['bad-msisdn', 'empty-message']);
  });

  it('marks duplicates, and leaves them out when asked', () => {
    const kept = buildPreview(sheet, byColumn, DEFAULT_BATCH).rows;
    expect(kept[2]!.duplicateOf).toBe(0);
    expect(kept[2]!.included).toBe(true);
    expect(kept[2]!.warnings.map((w) => w.code)).toContain('duplicate');
    const removed = buildPreview(sheet, byColumn, {
      ...DEFAULT_BATCH,
      removeDuplicates: true,
    }).rows;
    expect(removed[2]!.included).toBe(false);
    expect(outgoingMessages(removed).rowOf).toEqual([0, 1, 3]);
  });

  it('offers look-alike fixes and applies them only when agreed (SPEC 7)', () => {
    const before = buildPreview(sheet, byColumn, DEFAULT_BATCH).rows;
    expect(before[1]!.fix?.lookalikes.map((l) => [l.char, l.count])).toEqual([['–', 1]]);
    expect(before[1]!.fix?.after).toEqual(countSegments('Hej Bo - velkommen'));
    expect(before[1]!.warnings.map((w) => w.code)).toContain('lookalikes');
    const after = buildPreview(sheet, byColumn, { ...DEFAULT_BATCH, replaceLookalikes: true }).rows;
    expect(after[1]!.message).toBe('Hej Bo - velkommen');
    expect(after[1]!.encoding).toBe('GSM-7');
    expect(after[1]!.warnings.map((w) => w.code)).not.toContain('lookalikes');
  });

  it('fills a template per row and warns about unknown placeholders', () => {
    const mapping: Mapping = {
      ...byColumn,
      message: { kind: 'template', text: 'Hi {Navn} {Kode}' },
    };
    const preview = buildPreview(sheet, mapping, DEFAULT_BATCH);
    expect(preview.rows[1]!.message).toBe('Hi Bo {Kode}');
    expect(preview.unknownPlaceholders).toEqual(['Kode']);
    expect(preview.rows[0]!.warnings.map((w) => w.code)).toContain('unknown-placeholder');
  });

  it('uses the batch sender and class where the sheet has none', () => {
    const settings = { ...DEFAULT_BATCH, sender: 'Shop', messageClass: 'premium' as const };
    const { rows } = buildPreview(sheet, byColumn, settings);
    const { messages } = outgoingMessages(rows);
    expect(messages[0]).toEqual({
      msisdn: '4520123456',
      message: 'Hi Ann, it’s ready',
      sender: 'Shop',
      class: 'premium',
    });
  });

  it('reads sender, reference and class from their columns, the batch filling blanks', () => {
    const full = sheetFromRows('S', [
      ['Telefon', 'Besked', 'Afsender', 'Ref', 'Klasse'],
      ['4520123456', 'Hej', 'Butik', 'A-1', 'premium'],
      ['4520123457', 'Hej igen', '', '', ''],
    ]);
    const mapping: Mapping = {
      msisdn: 0,
      message: { kind: 'column', column: 1 },
      sender: 2,
      userref: 3,
      class: 4,
    };
    const { rows } = buildPreview(full, mapping, { ...DEFAULT_BATCH, sender: 'Shop' });
    expect(rows.map((r) => [r.sender, r.userref, r.messageClass, r.message])).toEqual([
      ['Butik', 'A-1', 'premium', 'Hej'],
      ['Shop', '', 'standard', 'Hej igen'],
    ]);
    expect(outgoingMessages(rows).messages).toEqual([
      { msisdn: '4520123456', message: 'Hej', sender: 'Butik', class: 'premium', userref: 'A-1' },
      { msisdn: '4520123457', message: 'Hej igen', sender: 'Shop' },
    ]);
  });

  it('warns of a number that is not a mobile and of a repeated one, naming both', () => {
    const listed = sheetFromRows('S', [
      ['Telefon', 'Besked'],
      ['80 20 30 40', 'Hej'],
      ['+45 20 12 34 56', 'Hej'],
      ['0045 20123456', 'Hej'],
    ]);
    const mapping = { ...byColumn, message: { kind: 'column', column: 1 } } as const;
    const { rows } = buildPreview(listed, mapping, DEFAULT_BATCH);
    expect(rows[0]!.warnings.map((w) => w.code)).toEqual(['not-mobile']);
    expect(rows[0]!.warnings[0]!.message).toMatch(/toll-free/);
    expect(rows[1]!.warnings).toEqual([]);
    expect(rows[2]!.warnings).toEqual([
      {
        code: 'duplicate',
        message: 'The number 4520123456 is also in row 3: the person gets both messages.',
      },
    ]);
  });

  it('gives messages that core writes without a problem once the rows are clean', () => {
    const clean = sheetFromRows('S', [
      ['msisdn', 'message'],
      ['+45 20 12 34 56', 'Hi'],
      ['20123457', 'Hej'],
    ]);
    const { rows } = buildPreview(
      clean,
      { ...byColumn, message: { kind: 'column', column: 1 } },
      DEFAULT_BATCH,
    );
    expect(rows.every((r) => r.errors.length === 0)).toBe(true);
    expect(writeExport(outgoingMessages(rows).messages, { baseName: 'b' }).ok).toBe(true);
  });
});

describe('the columns are read once, and kept while only batch settings change', () => {
  // usePreview keeps readNumbers (sheet, number column, default country) and readMessages
  // (sheet, message mapping) while the person changes anything else: that must give the same
  // preview as building it anew.
  const settingsArb: fc.Arbitrary<BatchSettings> = fc.record({
    ...Object.fromEntries(
      Object.entries(DEFAULT_BATCH).map(([key, value]) => [key, fc.constant(value)]),
    ),
    sender: fc.constantFrom('', 'Shop', 'Søren', '4512345678'),
    messageClass: fc.constantFrom('', 'standard', 'premium', 'secret'),
    removeDuplicates: fc.boolean(),
    replaceLookalikes: fc.boolean(),
    rowsPerFile: fc.integer({ min: 1, max: 5 }),
  }) as fc.Arbitrary<BatchSettings>;

  it('for any settings that leave the columns alone (property)', () => {
    const numbers = readNumbers(sheet, byColumn.msisdn, DEFAULT_BATCH.defaultCountry);
    const messages = readMessages(sheet, byColumn.message);
    fc.assert(
      fc.property(settingsArb, (settings) => {
        const preview = assemblePreview(sheet, byColumn, settings, numbers, messages);
        const fresh = buildPreview(sheet, byColumn, settings);
        expect(preview.rows.map(plainRow)).toEqual(fresh.rows.map(plainRow));
        expect(preview.unknownPlaceholders).toEqual(fresh.unknownPlaceholders);
        // Send and Export go by the recipients before they make the messages.
        expect(totalsOf(preview.rows).recipients).toBe(
          outgoingMessages(preview.rows).messages.length,
        );
      }),
      { numRuns: 200 },
    );
  });

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
