// Issue 14: the preview's warnings are said in the app's language, from their code and values.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CAMPAIGN } from '../logic/campaign-settings';
import { buildPreview } from '../logic/preview';
import { byColumn, sampleSheet } from '../logic/preview-test-util';
import { sheetFromRows } from '../logic/sheet';
import type { Warning } from '../logic/warnings';
import { warningText } from './warning-text';
import { i18n } from '.';

const tIn = (language: string) => i18n.getFixedT(language);

/** One of each warning the preview makes, from a sheet that has them all. */
function warningsOfSample(): Warning[] {
  const preview = buildPreview(sampleSheet, byColumn, DEFAULT_CAMPAIGN);
  return preview.rows.flatMap((row) => [...row.warnings]);
}

describe('the preview warnings in both languages (issue 14)', () => {
  it('say each warning of the sample in English as core says it, and in Danish', () => {
    const warnings = warningsOfSample();
    expect(warnings.length).toBeGreaterThan(0);
    for (const warning of warnings) {
      const english = warningText(tIn('en'), warning);
      const danish = warningText(tIn('da'), warning);
      expect(english).not.toContain('{{');
      expect(danish).not.toContain('{{');
      expect(danish).not.toBe(english);
    }
  });

  it.each([
    [
      { code: 'duplicate', message: '', values: { number: '4520123456', row: 1234 } },
      'Nummeret 4520123456 står også i række 1.234: personen får begge beskeder.',
    ],
    [
      {
        code: 'lookalikes',
        message: '',
        values: { characters: ['’', '–'], count: 2, before: 2, after: 1 },
      },
      '’ og – gør beskeden til en besked med specialtegn: 2 SMS-dele, 1 med almindelige tegn, der ligner.',
    ],
    [
      {
        code: 'lookalikes',
        message: '',
        values: { characters: ['–'], count: 1, before: 1, after: 1 },
      },
      '– gør beskeden til en besked med specialtegn: 1 SMS-del, 1 med almindelige tegn, der ligner.',
    ],
    [
      { code: 'unknown-placeholder', message: '', values: { names: ['{Navn}'], count: 1 } },
      'Beskeden nævner {Navn}, som ikke er en kolonne: ret navnet, ellers sendes beskeden med det, som det står.',
    ],
  ] as [Warning, string][])('says %j in Danish with its values', (warning, danish) => {
    expect(warningText(tIn('da'), warning)).toBe(danish);
  });

  it.each([
    [
      { characters: ['–'], count: 1, before: 1, after: 1 },
      '– makes the message a special-character message: 1 SMS part, 1 with plain look-alikes.',
    ],
    [
      { characters: ['’', '–'], count: 2, before: 3, after: 2 },
      '’ and – make the message a special-character message: 3 SMS parts, 2 with plain look-alikes.',
    ],
  ] as [Warning['values'], string][])(
    'says the look-alikes %j in English, each count of parts with its own plural',
    (values, english) => {
      const warning: Warning = { code: 'lookalikes', message: '', values };
      expect(warningText(tIn('en'), warning)).toBe(english);
    },
  );

  it('says why a number cannot get an SMS, in Danish too, as the own number does', () => {
    const sheet = sheetFromRows('S', [
      ['Telefon', 'Navn', 'Besked'],
      ['+49 30 1234567', 'Ann', 'Hej'],
      ['20 12 34 56', 'Bo', 'Hej'],
    ]);
    const preview = buildPreview(sheet, byColumn, DEFAULT_CAMPAIGN);
    const [landline, mobile] = preview.rows;
    expect(mobile!.warnings).toEqual([]);
    expect(landline!.warnings.map((warning) => warningText(tIn('da'), warning))).toEqual([
      '+49 30 1234567 er et fastnetnummer: det kan ikke modtage en SMS.',
    ]);
    expect(landline!.warnings.map((warning) => warningText(tIn('en'), warning))).toEqual([
      '+49 30 1234567 is a landline: it cannot receive an SMS.',
    ]);
  });

  it('keeps the English words of a warning made without values', () => {
    const warning: Warning = { code: 'not-mobile', message: '1234 is not a phone number.' };
    expect(warningText(tIn('da'), warning)).toBe('1234 is not a phone number.');
  });
});
