/**
 * The app's words: i18next with React bindings, English and Danish catalogues, values
 * formatted with Intl for the chosen locale (ui/words.ts). The language follows the system
 * unless the person chose one in Settings; `<html lang>` follows it.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { formatBytes, formatList, formatNumber, formatSeconds } from '../ui/words';
import { da } from './da';
import { en } from './en';
import { chosenLanguage, formatLocale, LANGUAGES, preferredLanguages } from './language';
import type { Language, LanguageChoice } from './language';

import { useTranslation } from 'react-i18next';

export { useTranslation };
export type { Language, LanguageChoice } from './language';

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, da: { translation: da } },
  lng: chosenLanguage('system', preferredLanguages()),
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  // The catalogues are here already: t() works from the first render.
  initAsync: false,
  // React escapes what it renders; escaping here too would show `&amp;`.
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** The locale values are formatted in, for the language shown. */
export function locale(language: string = i18n.language): string {
  const known = (LANGUAGES as readonly string[]).includes(language) ? language : 'en';
  return formatLocale(known as Language, preferredLanguages());
}

// Values inside sentences, formatted by ui/words.ts in the locale of the sentence's language.
const formatter = i18n.services.formatter!;
formatter.add('number', (value: number, lng) => formatNumber(value, locale(lng)));
formatter.add('bytes', (value: number, lng) => formatBytes(value, locale(lng)));
formatter.add('seconds', (value: number, lng) => formatSeconds(value, locale(lng)));
formatter.add('list', (value: string[], lng) => formatList(value, locale(lng)));
formatter.add('or', (value: string[], lng) => formatList(value, locale(lng), 'disjunction'));

function showLanguage(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}
showLanguage(i18n.language);
i18n.on('languageChanged', showLanguage);

/** Speaks the language the person chose, or the system's. */
export function applyLanguageChoice(choice: LanguageChoice): void {
  const language = chosenLanguage(choice, preferredLanguages());
  if (i18n.language !== language) void i18n.changeLanguage(language);
}

/** The locale to format values in, for components: they render again when it changes. */
export function useLocale(): string {
  return locale(useTranslation().i18n.language);
}
