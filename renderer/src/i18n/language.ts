/**
 * Which language the app speaks: the person's choice in Settings, or the system's (the
 * browser's preferred languages). Danish for any `da` locale, English otherwise.
 */

export const LANGUAGES = ['en', 'da'] as const;
export type Language = (typeof LANGUAGES)[number];

/** What Settings keeps: a language, or "whatever the system prefers". */
export type LanguageChoice = Language | 'system';

/** The locale each language formats with when the system names none of its own. */
const DEFAULT_LOCALES: Record<Language, string> = { en: 'en-US', da: 'da-DK' };

function languageOf(tag: string): Language | null {
  const primary = tag.toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(primary ?? '') ? (primary as Language) : null;
}

/** The first of the system's preferred languages that the app speaks; English if none. */
export function systemLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const language = languageOf(tag);
    if (language !== null) return language;
  }
  return 'en';
}

export function chosenLanguage(choice: LanguageChoice, preferred: readonly string[]): Language {
  return choice === 'system' ? systemLanguage(preferred) : choice;
}

/**
 * The locale numbers and dates are formatted in: the system's own variant of the language when
 * it prefers one (en-GB writes dates day first), else the language's usual one.
 */
export function formatLocale(language: Language, preferred: readonly string[]): string {
  // Asked for each value a sentence formats (each line of the preview, as it scrolls in).
  const key = `${language}|${JSON.stringify(preferred)}`;
  let found = formatLocales.get(key);
  if (found === undefined) {
    found = readFormatLocale(language, preferred);
    formatLocales.set(key, found);
  }
  return found;
}

const formatLocales = new Map<string, string>();

function readFormatLocale(language: Language, preferred: readonly string[]): string {
  for (const tag of preferred) {
    if (languageOf(tag) !== language || !tag.includes('-')) continue;
    try {
      return Intl.getCanonicalLocales(tag)[0] ?? DEFAULT_LOCALES[language];
    } catch {
      // A tag Intl cannot read is skipped, as if the system had not named it.
    }
  }
  return DEFAULT_LOCALES[language];
}

/** The browser's preferred languages; none outside a browser (unit tests, the worker). */
export function preferredLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}
