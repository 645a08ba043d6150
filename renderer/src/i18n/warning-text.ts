/** The preview's warnings in the app's language, from their code and values (logic/warnings.ts). */
import type { TFunction } from 'i18next';
import type { Warning } from '../logic/warnings';
import { locale } from '.';
import { whyText } from './phone-text';

// Keys made from a warning's code are not known to the type checker; that each exists in both
// catalogues is what warning-text.test.ts proves.
type LooseT = (key: string, options?: Record<string, unknown>) => string;

export function warningText(t: TFunction, warning: Warning): string {
  // A warning made without its values (none is, today) is said in its English words.
  if (warning.values === undefined) return warning.message;
  // A number that cannot get an SMS says why, as the own number's field does, in any language.
  if (warning.why !== undefined && typeof warning.values.number === 'string') {
    return whyText(t, warning.values.number, warning.why, locale());
  }
  const loose = t as unknown as LooseT;
  const values: Record<string, unknown> = { ...warning.values, note: warning.message };
  // The look-alikes' parts are said with their own plural ("1 SMS part"): the sentence's plural
  // follows the characters.
  const parts = warning.values.before;
  if (warning.code === 'lookalikes' && typeof parts === 'number') {
    values.before = t('counter.parts', { count: parts });
  }
  return loose(`warnings.${warning.code}`, values);
}
