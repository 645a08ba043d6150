/** Every country, by its name in the locale, with its calling code: for the settings' choices. */
import { useMemo } from 'react';
import { getCountries, getCountryCallingCode } from 'libphonenumber-js/max';
import { useLocale, useTranslation } from '../i18n';
import type { CountryCode } from '../logic/phone';

export interface Country {
  code: CountryCode;
  callingCode: string;
  /** `Denmark (+45)`, `Danmark (+45)`. */
  name: string;
}

/** The countries named in the app's language, sorted as its locale sorts. */
export function useCountries(): readonly Country[] {
  const { t } = useTranslation();
  const locale = useLocale();
  return useMemo(() => {
    const regionNames =
      typeof Intl.DisplayNames === 'function'
        ? new Intl.DisplayNames([locale], { type: 'region' })
        : null;
    const collator = new Intl.Collator(locale);
    return getCountries()
      .map((code) => {
        const callingCode = getCountryCallingCode(code);
        const name = t('settings.countryOption', {
          name: regionNames?.of(code) ?? code,
          code: callingCode,
        });
        return { code, callingCode, name };
      })
      .sort((a, b) => collator.compare(a.name, b.name));
  }, [locale, t]);
}
