import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRow } from '../../../core/values';
import { countSegments } from '../../../core/segments';
import { DEFAULT_CAMPAIGN } from './campaign-settings';
import type { CampaignSettings } from './campaign-settings';
import { readMessages, readNumbers } from './columns';
import type { Mapping } from './mapping';
import { leaveOut, noneLeftOut } from './left-out';
import { leftOutFile } from './left-out-file';
import { outgoingMessages } from './outgoing';
import { assemblePreview, buildPreview } from './preview';
import { byColumn, plainRow, sampleSheet as sheet } from './preview-test-util';
import { sheetFromRows } from './sheet';
import { totalsOf } from './totals';

describe('preview rows through core (SPEC 6 and 7; issue 5, flow 4)', () => {
  it('normalises numbers and takes encoding and parts from core', () => {
    const { rows } = buildPreview(sheet, byColumn, DEFAULT_CAMPAIGN);
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
    const { rows } = buildPreview(sheet, byColumn, DEFAULT_CAMPAIGN);
    const last = rows[3]!;
    expect(last.sourceRow).toBe(5);
    const expected: Parameters<typeof checkRow>[2] = [];
    checkRow({ msisdn: '4.51E+09', message: '', sender: '', class: '', userref: '' }, 5, expected);
    expect(last.errors).toEqual(expected);
    expect(last.errors.map((e) => e.code)).toEqual(['bad-msisdn', 'empty-message']);
  });

  it('marks duplicates, and leaves them out when asked', () => {
    const rows = buildPreview(sheet, byColumn, DEFAULT_CAMPAIGN).rows;
    expect(rows[2]!.duplicateOf).toBe(0);
    expect(rows[2]!.warnings.map((w) => w.code)).toContain('duplicate');
    expect(outgoingMessages(rows).rowOf).toEqual([0, 1, 2, 3]);
    const leftOut = leaveOut(noneLeftOut(rows.length), rows, 'repeated');
    expect(outgoingMessages(rows, leftOut).rowOf).toEqual([0, 1, 3]);
  });

  // Issue 14: the file of left-out rows is read by the person, so the page gives its words.
  it("writes the left-out rows' file in the words it is given, English without them", () => {
    const rows = buildPreview(sheet, byColumn, DEFAULT_CAMPAIGN).rows;
    const leftOut = leaveOut(noneLeftOut(rows.length), rows, 'repeated');
    const english = leftOutFile(rows, leftOut, 'standard');
    expect(english.text.split('\n')[0]).toBe('Row,Phone number,Message,Why it was left out');
    expect(english.text).toContain('Repeated number');
    const danish = leftOutFile(rows, leftOut, 'standard', {
      header: ['Række', 'Telefonnummer', 'Besked', 'Hvorfor'],
      reason: () => 'Gentaget nummer',
    });
    expect(danish.rows).toBe(1);
    expect(danish.text.split('\n')[0]).toBe('Række,Telefonnummer,Besked,Hvorfor');
    expect(danish.text).toContain('Gentaget nummer');
    expect(danish.text).not.toContain('Repeated number');
  });

  it('offers look-alike fixes and applies them only when agreed (SPEC 7)', () => {
    const before = buildPreview(sheet, byColumn, DEFAULT_CAMPAIGN).rows;
    expect(before[1]!.fix?.lookalikes.map((l) => [l.char, l.count])).toEqual([['–', 1]]);
    expect(before[1]!.fix?.after).toEqual(countSegments('Hej Bo - velkommen'));
    expect(before[1]!.warnings.map((w) => w.code)).toContain('lookalikes');
    const after = buildPreview(sheet, byColumn, {
      ...DEFAULT_CAMPAIGN,
      replaceLookalikes: true,
    }).rows;
    expect(after[1]!.message).toBe('Hej Bo - velkommen');
    expect(after[1]!.encoding).toBe('GSM-7');
    expect(after[1]!.warnings.map((w) => w.code)).not.toContain('lookalikes');
  });

  it('fills a template per row and warns about unknown placeholders', () => {
    const mapping: Mapping = {
      ...byColumn,
      message: { kind: 'template', text: 'Hi {Navn} {Kode}' },
    };
    const preview = buildPreview(sheet, mapping, DEFAULT_CAMPAIGN);
    expect(preview.rows[1]!.message).toBe('Hi Bo {Kode}');
    expect(preview.unknownPlaceholders).toEqual(['Kode']);
    expect(preview.rows[0]!.warnings.map((w) => w.code)).toContain('unknown-placeholder');
  });

  it('warns of a number that is not a mobile and of a repeated one, naming both', () => {
    const listed = sheetFromRows('S', [
      ['Telefon', 'Besked'],
      ['80 20 30 40', 'Hej'],
      ['+45 20 12 34 56', 'Hej'],
      ['0045 20123456', 'Hej'],
    ]);
    const mapping = { ...byColumn, message: { kind: 'column', column: 1 } } as const;
    const { rows } = buildPreview(listed, mapping, DEFAULT_CAMPAIGN);
    expect(rows[0]!.warnings.map((w) => w.code)).toEqual(['not-mobile']);
    expect(rows[0]!.warnings[0]!.message).toMatch(/toll-free/);
    expect(rows[1]!.warnings).toEqual([]);
    expect(rows[2]!.warnings).toEqual([
      {
        code: 'duplicate',
        message: 'The number 4520123456 is also in row 3: the person gets both messages.',
        values: { number: '4520123456', row: 3 },
      },
    ]);
  });
});

describe("the columns are read once, and kept while only the campaign's settings change", () => {
  // usePreview keeps readNumbers (sheet, number column, default country) and readMessages
  // (sheet, message mapping) while the person changes anything else: that must give the same
  // preview as building it anew.
  const settingsArb: fc.Arbitrary<CampaignSettings> = fc.record({
    ...Object.fromEntries(
      Object.entries(DEFAULT_CAMPAIGN).map(([key, value]) => [key, fc.constant(value)]),
    ),
    sender: fc.constantFrom('', 'Shop', 'Søren', '4512345678'),
    messageClass: fc.constantFrom('', 'standard', 'premium', 'secret'),
    replaceLookalikes: fc.boolean(),
    rowsPerFile: fc.integer({ min: 1, max: 5 }),
  }) as fc.Arbitrary<CampaignSettings>;

  it('for any settings that leave the columns alone (property)', () => {
    const numbers = readNumbers(sheet, byColumn.msisdn, DEFAULT_CAMPAIGN.defaultCountry);
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
});
