/**
 * Why a number cannot get an SMS, in the app's language (logic/phone.ts says it in English): for
 * the own number's field and for the preview's rows alike.
 */
import type { TFunction } from 'i18next';
import type { NormalisedNumber, PhoneWhy } from '../logic/phone';

const TYPES = [
  'FIXED_LINE',
  'TOLL_FREE',
  'PREMIUM_RATE',
  'SHARED_COST',
  'VOIP',
  'PAGER',
  'UAN',
  'VOICEMAIL',
  'PERSONAL_NUMBER',
] as const;

/** The sentence for a number that is not a mobile one; its English note without its data. */
export function phoneText(
  t: TFunction,
  typed: string,
  number: NormalisedNumber,
  locale: string,
): string | null {
  return number.why === undefined ? number.note : whyText(t, typed, number.why, locale);
}

/** Why `typed` cannot get an SMS, in the language of `t`; countries named in `locale`. */
export function whyText(t: TFunction, typed: string, why: PhoneWhy, locale: string): string {
  switch (why.code) {
    case 'missing':
      return t('ownNumber.why.missing');
    case 'not-a-number':
      return t('ownNumber.why.not-a-number', { number: typed });
    case 'type': {
      const known = (TYPES as readonly string[]).includes(why.type);
      const type = known
        ? t(`ownNumber.types.${why.type as (typeof TYPES)[number]}`)
        : t('ownNumber.types.other');
      return t('ownNumber.why.type', { number: typed, type });
    }
    case 'not-in-use': {
      const country =
        why.country === null
          ? t('ownNumber.callingCode', { code: why.callingCode })
          : (new Intl.DisplayNames([locale], { type: 'region' }).of(why.country) ?? why.country);
      return t('ownNumber.why.not-in-use', { number: typed, country });
    }
  }
}
