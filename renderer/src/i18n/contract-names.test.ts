// Issue 18 with issue 14: the names of the UI's test contract (e2e/kit/names.ts, README "Testing
// with Playwright") are the catalogues' words, in English and in Danish. A catalogue change that
// breaks a name other teams find the UI by fails here, before any browser runs.
import { describe, expect, it } from 'vitest';
import { BATCH_STATES, namePattern, stateWords, UI_NAMES } from '../../../e2e/kit/names';
import type { Language, NameKey } from '../../../e2e/kit/names';
import { en } from './en';
import { i18n } from './index';

type Say = (key: string, values?: Record<string, unknown>) => string;
type Values = Parameters<typeof namePattern>[2];

/** Each name as the UI says it, with the values the pattern is given. */
function rendered(say: Say): Record<NameKey, { text: string; values?: Values }[]> {
  const from = say('batch.from', { spreadsheet: 'kampagne.xlsx', file: 'kampagne.csv' });
  const counts = [1, 2, 12_345];
  return {
    openHeading: [{ text: say('open.heading') }],
    chooseFile: [{ text: say('open.choose') }],
    mapHeading: [{ text: say('mapping.heading') }],
    phoneColumn: [{ text: say('mapping.fields.msisdn') }],
    messageColumn: [{ text: say('mapping.messageColumn') }],
    checkHeading: [{ text: say('totals.heading') }],
    recipients: [{ text: say('totals.recipients') }],
    parts: [{ text: say('totals.parts') }],
    specialCharacters: [{ text: say('totals.ucs2') }],
    problems: [{ text: say('totals.errors') }],
    lookalikes: [{ text: say('totals.fixRegion') }],
    replaceLookalikes: counts.flatMap((n) => [
      { text: say('totals.replace', { count: n }), values: { n } },
      { text: say('totals.replace', { count: n }) },
    ]),
    exportFile: [1, 2].map((count) => ({ text: say('send.export', { count }) })),
    send: [{ text: say('send.send') }],
    confirmDialog: [{ text: say('send.confirm') }],
    confirmSend: counts.map((n) => ({ text: say('send.sendNow', { count: n }), values: { n } })),
    batch: [
      { text: say('batch.label', { name: from }), values: { file: 'kampagne.csv' } },
      { text: say('batch.label', { name: 'kampagne.csv' }), values: { file: 'kampagne.csv' } },
      { text: say('batch.label', { name: from }) },
    ],
    batchHeading: (Object.keys(BATCH_STATES) as (keyof typeof BATCH_STATES)[]).flatMap((state) => [
      {
        text: `${from} — ${say(`batch.states.${state}`)}`,
        values: { file: 'kampagne.csv', state: stateWords(state, say === sayIn.da ? 'da' : 'en') },
      },
      {
        text: `kampagne.csv — ${say(`batch.states.${state}`)} ${say('practice.tag')}`,
        values: { file: 'kampagne.csv' },
      },
    ]),
  };
}

const sayIn: Record<Language, Say> = {
  en: i18n.getFixedT('en') as unknown as Say,
  da: i18n.getFixedT('da') as unknown as Say,
};

describe('the test contract’s names are the UI’s words', () => {
  for (const language of ['en', 'da'] as const) {
    it(`in ${language === 'en' ? 'English' : 'Danish'}, every name matches what the UI says`, () => {
      const say = sayIn[language];
      const misses: string[] = [];
      const cases = rendered(say);
      for (const key of Object.keys(UI_NAMES) as NameKey[]) {
        for (const { text, values } of cases[key]) {
          if (!namePattern(key, language, values).test(text)) misses.push(`${key}: "${text}"`);
        }
      }
      expect(misses).toEqual([]);
    });

    it(`in ${language}, the practice server's success is a success`, () => {
      const practice = `a.csv — ${sayIn[language]('batch.practiceSuccess')} ${sayIn[language]('practice.tag')}`;
      const pattern = namePattern('batchHeading', language, {
        file: 'a.csv',
        state: stateWords('success', language),
      });
      expect(pattern.test(practice)).toBe(true);
      const rejected = namePattern('batchHeading', language, {
        file: 'a.csv',
        state: stateWords('rejected', language),
      });
      expect(rejected.test(practice)).toBe(false);
    });
  }

  it('knows every state a batch can be in, and no other', () => {
    expect(Object.keys(BATCH_STATES).sort()).toEqual(Object.keys(en.batch.states).sort());
  });

  it('a number is written as the language writes it', () => {
    expect(namePattern('confirmSend', 'da', { n: 12_345 }).test('Send 12.345 beskeder')).toBe(true);
    expect(namePattern('confirmSend', 'en', { n: 12_345 }).test('Send 12,345 messages')).toBe(true);
    expect(namePattern('confirmSend', 'da', { n: 1 }).test('Send 1 beskeder')).toBe(false);
  });
});
