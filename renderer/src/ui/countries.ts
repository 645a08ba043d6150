/** Every country, by name in English, with its calling code: for the settings' choices. */
import { getCountries, getCountryCallingCode } from 'libphonenumber-js/max';
import type { CountryCode } from '../logic/phone';

const regionNames =
  typeof Intl.DisplayNames === 'function'
    ? new Intl.DisplayNames(['en'], { type: 'region' })
    : null;

export interface Country {
  code: CountryCode;
  callingCode: string;
  /** `Denmark (+45)`. */
  name: string;
}

export const COUNTRIES: readonly Country[] = getCountries()
  .map((code) => {
    const callingCode = getCountryCallingCode(code);
    return { code, callingCode, name: `${regionNames?.of(code) ?? code} (+${callingCode})` };
  })
  .sort((a, b) => a.name.localeCompare(b.name));
