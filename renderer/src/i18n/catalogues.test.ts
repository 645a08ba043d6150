// Issue 14: English and Danish have the same keys, plural forms included, and each is used.
import { describe, expect, it } from 'vitest';
import { da } from './da';
import { en } from './en';
import { SAID } from '../../../core/contract/said';
import { i18n } from '.';

/** Every key path of a catalogue, with its words. */
function entries(catalogue: object, prefix = ''): [string, string][] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[`${prefix}${key}`, value] as [string, string]]
      : entries(value as object, `${prefix}${key}.`),
  );
}

const english = new Map(entries(en));

/** Names and labels that are the same in Danish: anything else the same is left untranslated. */
const SAME_IN_BOTH = [
  'app.name',
  'batch.column',
  'batch.percent',
  'batch.problem',
  'batch.server',
  'campaign.classes.premium',
  // A server's name, address and answer; how many batches ended each way; a dash for no price.
  'connection.server',
  'history.statesCount_one',
  'history.statesCount_other',
  // The English word is the Danish one too.
  'history.testTag',
  'leaveOut.file.found',
  'preview.columns.send',
  'totals.noCost',
  'send.send',
  'settings.countryOption',
  'settings.server',
  'campaign.classes.standard',
  'icons.ok',
  'icons.problem',
  'inspect.byteTitle',
  'inspect.count',
  'inspect.problems_one',
  'language.da',
  'language.en',
  'language.label',
  'mapping.fields.userref',
  'preview.noBreakSpace',
  'totals.barMore',
  // A server and its failure, and a note of sentences: only values, or `Server` said alike.
  'said.note.attempt-failed',
  'said.note.sentences',
  'said.server.failed',
];
const danish = new Map(entries(da));

/**
 * Sentences whose languages name different values. A number that cannot get an SMS: English
 * shows the phone-number library's own sentence (what the number is, which only it says, in
 * English); Danish says the gist with the number.
 */
const OWN_VALUES: Record<string, string[]> = { 'warnings.not-mobile': ['number'] };

describe('the catalogues (issue 14)', () => {
  it('have the same keys, plural forms included', () => {
    expect([...danish.keys()].filter((key) => !english.has(key))).toEqual([]);
    expect([...english.keys()].filter((key) => !danish.has(key))).toEqual([]);
    // Danish counts as English does: one, and other.
    const plurals = [...english.keys()].filter((key) => /_(one|other)$/.test(key));
    expect(plurals.length).toBeGreaterThan(10);
    for (const key of plurals) {
      const other = key.replace(/_one$/, '_other').replace(/_other$/, '_one');
      expect(english.has(other), other).toBe(true);
    }
    expect(new Intl.PluralRules('da').resolvedOptions().pluralCategories.sort()).toEqual([
      'one',
      'other',
    ]);
  });

  it('have a sentence for every code the Node side can say, in both (core/contract/said.ts)', () => {
    for (const [code, values] of Object.entries(SAID)) {
      const forms =
        'count' in values ? [`said.${code}_one`, `said.${code}_other`] : [`said.${code}`];
      for (const key of forms) {
        expect(english.has(key), key).toBe(true);
        expect(danish.has(key), key).toBe(true);
      }
    }
  });

  it('use the same values in both languages', () => {
    const names = (words: string) => [...words.matchAll(/{{\s*(\w+)/g)].map((m) => m[1]).sort();
    for (const [key, words] of english) {
      if (key in OWN_VALUES) {
        expect(names(danish.get(key)!), key).toEqual(OWN_VALUES[key]);
        continue;
      }
      expect(names(danish.get(key)!), key).toEqual(names(words));
    }
  });

  it('say everything in Danish, but the words that are the same in both', () => {
    const same = [...english].filter(([key, words]) => danish.get(key) === words);
    expect(same.map(([key]) => key).sort()).toEqual([...SAME_IN_BOTH].sort());
  });

  it('plurals are the library’s, in either language', () => {
    const t = i18n.getFixedT('da');
    expect(t('inspect.rows', { count: 1 })).toBe('1 række');
    expect(t('inspect.rows', { count: 1234 })).toBe('1.234 rækker');
    expect(i18n.getFixedT('en')('inspect.rows', { count: 1234 })).toBe('1,234 rows');
  });
});
