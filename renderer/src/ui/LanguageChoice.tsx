import { useId } from 'react';
import { LANGUAGES, preferredLanguages, systemLanguage } from '../i18n/language';
import type { LanguageChoice as Choice } from '../i18n/language';
import { useTranslation } from '../i18n';
import { useSettings } from '../stores/settings';

/**
 * The app's language, at the top of Settings. Its label is in both languages, so that a person
 * who cannot read the one shown still finds it; each language is named in its own words.
 */
export function LanguageChoice() {
  const { t } = useTranslation();
  const language = useSettings((state) => state.language);
  const setLanguage = useSettings((state) => state.setLanguage);
  const id = useId();
  const system = systemLanguage(preferredLanguages());
  return (
    <div className="field" data-testid="language-choice">
      <label htmlFor={id}>{t('language.label')}</label>
      <select
        id={id}
        value={language}
        aria-describedby={`${id}-help`}
        onChange={(event) => setLanguage(event.currentTarget.value as Choice)}
      >
        <option value="system">
          {t('language.system', { language: t(`language.${system}`) })}
        </option>
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {t(`language.${code}`)}
          </option>
        ))}
      </select>
      <small id={`${id}-help`}>{t('language.help')}</small>
    </div>
  );
}
