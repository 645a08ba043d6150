// Issue 14: why the own number cannot get an SMS, in the person's language, not the English of
// the phone-number library's note.
import { describe, expect, it } from 'vitest';
import { i18n } from '.';
import { normaliseNumber } from '../logic/phone';
import { phoneText } from './phone-text';

describe('a number that cannot get an SMS, said in the UI’s language', () => {
  it.each([
    [
      'da',
      '+49 30 1234567',
      'da-DK',
      '+49 30 1234567 er et fastnetnummer: det kan ikke modtage en SMS.',
    ],
    ['en', '+49 30 1234567', 'en-GB', '+49 30 1234567 is a landline: it cannot receive an SMS.'],
    [
      'da',
      'ring mig',
      'da-DK',
      'ring mig er ikke et telefonnummer: skriv det med landekode, fx +45 12 34 56 78.',
    ],
  ])('in %s: %s', (language, typed, locale, words) => {
    const number = normaliseNumber(typed, 'DK');
    expect(number.verdict).not.toBe('mobile');
    expect(phoneText(i18n.getFixedT(language), typed, number, locale)).toBe(words);
  });

  it('a mobile number has no note', () => {
    const number = normaliseNumber('20 12 34 56', 'DK');
    expect(phoneText(i18n.getFixedT('da'), '20 12 34 56', number, 'da-DK')).toBeNull();
  });
});
