// Issue 14: the language follows the system, Danish for any `da` locale, else English.
import { describe, expect, it } from 'vitest';
import { chosenLanguage, formatLocale, systemLanguage } from './language';

describe('the language and locale (issue 14)', () => {
  it('is Danish for da, da-DK and da-GL, English for anything else', () => {
    expect(systemLanguage(['da'])).toBe('da');
    expect(systemLanguage(['da-DK', 'en-US'])).toBe('da');
    expect(systemLanguage(['DA_dk'])).toBe('da');
    expect(systemLanguage(['en-US'])).toBe('en');
    expect(systemLanguage(['de-DE'])).toBe('en');
    expect(systemLanguage([])).toBe('en');
  });

  it('takes the first of the system’s languages that the app speaks', () => {
    expect(systemLanguage(['de-DE', 'da-DK', 'en'])).toBe('da');
    expect(systemLanguage(['en-GB', 'da-DK'])).toBe('en');
  });

  it('a choice in Settings wins over the system', () => {
    expect(chosenLanguage('en', ['da-DK'])).toBe('en');
    expect(chosenLanguage('da', ['en-US'])).toBe('da');
    expect(chosenLanguage('system', ['da-DK'])).toBe('da');
  });

  it('formats in the system’s own variant of the language, or the usual one', () => {
    expect(formatLocale('en', ['en-GB'])).toBe('en-GB');
    expect(formatLocale('en', ['da-DK'])).toBe('en-US');
    expect(formatLocale('da', ['da'])).toBe('da-DK');
    expect(formatLocale('da', ['en-US', 'da-DK'])).toBe('da-DK');
    expect(formatLocale('en', ['en-x-not a tag'])).toBe('en-US');
  });

  it('answers the same when asked again, for the same languages only', () => {
    expect(formatLocale('en', ['en-GB'])).toBe('en-GB');
    expect(formatLocale('en', ['en-GB'])).toBe('en-GB');
    expect(formatLocale('da', ['en-GB'])).toBe('da-DK');
    expect(formatLocale('en', ['en-AU'])).toBe('en-AU');
    // Lists that join alike are still told apart.
    expect(formatLocale('en', ['en-x-not a tag', 'en-GB'])).toBe('en-GB');
    expect(formatLocale('en', ['en-x-not a tag en-GB'])).toBe('en-US');
  });
});
