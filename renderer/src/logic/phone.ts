/**
 * Phone numbers as people type them, made into the provider's form (SPEC 6: digits only, with the
 * country code, no `+` or `00`): `+45 12 34 56 78`, `0045 12345678` and, with Denmark as the
 * default country, `12345678` all become `4512345678`. libphonenumber-js knows every country's
 * numbering plan, so it can also tell a number that cannot reach a mobile phone (a landline, a
 * toll-free number, a number not in the plan) before it costs a message.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CountryCode, NumberType } from 'libphonenumber-js/max';
import { parsePhoneNumberFromString as parseMobile } from 'libphonenumber-js/mobile';
import { fastMobile, readsAlikeWithPlus, typePlainlyOfAlike, typesTellValid } from './phone-fast';
import { TextMap } from './text-map';

export type { CountryCode };

/** What the app thinks of a number, beyond what the server checks. */
export type NumberVerdict = 'mobile' | 'not-mobile' | 'invalid';

export interface NormalisedNumber {
  /** The number as it will be sent; the typed text when it could not be understood. */
  msisdn: string;
  verdict: NumberVerdict;
  /** Why it is not a mobile number, in words; null when it is one. */
  note: string | null;
  /** The note as data, for the UI's language (i18n/phone-text.ts); absent for a mobile number. */
  why?: PhoneWhy;
}

/** Why a number cannot get an SMS: missing, a type that cannot, not in use, not a number. */
export type PhoneWhy =
  | { code: 'missing' }
  | { code: 'type'; type: NonNullable<NumberType> }
  | { code: 'not-in-use'; country: string | null; callingCode: string }
  | { code: 'not-a-number' };

/** Types that can receive an SMS; FIXED_LINE_OR_MOBILE is what plans like Denmark's give. */
const CAN_RECEIVE: readonly (NumberType | undefined)[] = ['MOBILE', 'FIXED_LINE_OR_MOBILE'];

const TYPE_WORDS: Partial<Record<NonNullable<NumberType>, string>> = {
  FIXED_LINE: 'a landline',
  TOLL_FREE: 'a toll-free number',
  PREMIUM_RATE: 'a premium-rate number',
  SHARED_COST: 'a shared-cost number',
  VOIP: 'an internet phone number',
  PAGER: 'a pager number',
  UAN: 'a company switchboard number',
  VOICEMAIL: 'a voicemail number',
  PERSONAL_NUMBER: 'a personal forwarding number',
};

/** Only the punctuation people put in numbers; letters stay, so they are seen as wrong. */
const SEPARATORS = /[\s\-().\u00a0/]/g;

export function normaliseNumber(raw: string, defaultCountry: CountryCode): NormalisedNumber {
  // Most of a list is mobile numbers written plainly: answered without a parse (phone-fast.ts).
  const compact = raw.trim().replace(SEPARATORS, '');
  const msisdn = fastMobile(compact, defaultCountry);
  if (msisdn !== null) return { msisdn, verdict: 'mobile', note: null };
  return parseOnce(raw, compact, defaultCountry);
}

/**
 * parseNumber of a number the fast path did not call a mobile one (`compact`, as it read it),
 * asking the parse one way where both ways read the same number (readsAlikeWithPlus), only
 * with the full metadata (the mobile-only metadata's one question is the fast path's, already
 * answered no), and not asking isValid() where getType() has answered it (typesTellValid). A
 * list's numbers not in use cost a third of the parses they did; where the plan's own patterns
 * say what the parse would (typePlainlyOfAlike), they cost no parse at all.
 */
function parseOnce(raw: string, compact: string, defaultCountry: CountryCode): NormalisedNumber {
  if (!readsAlikeWithPlus(compact, defaultCountry)) return parseNumber(raw, defaultCountry);
  const typed = raw.trim();
  const plainly = typePlainlyOfAlike(compact, defaultCountry);
  if (plainly !== null) {
    // The number as the parse reads it: `+compact`, of the default country (readsAlikeWithPlus).
    const known = byType(typed, compact, plainly.type);
    if (known !== null) return known;
    if (plainly.possible) return notInUse(typed, compact, defaultCountry, plainly.callingCode);
    return notANumber(typed, compact);
  }
  const once = [`+${compact}`];
  return parseAs(typed, compact, defaultCountry, once, false, typesTellValid(defaultCountry));
}

/** normaliseNumber by libphonenumber-js's parse alone: the plain path the fast one must match. */
export function parseNumber(raw: string, defaultCountry: CountryCode): NormalisedNumber {
  const typed = raw.trim();
  const compact = typed.replace(SEPARATORS, '');
  // A number already in the provider's form (country code, no +) has no country to assume.
  const candidates =
    /^\d+$/.test(compact) && !compact.startsWith('0') ? [compact, `+${compact}`] : [compact];
  return parseAs(typed, compact, defaultCountry, candidates, true, false);
}

/**
 * The number typed (`typed`, trimmed; `compact`, without separators too) as the parse reads the
 * first of `candidates` (compact forms of it) it can.
 */
function parseAs(
  typed: string,
  compact: string,
  defaultCountry: CountryCode,
  candidates: readonly string[],
  /** Whether the mobile-only metadata is asked first (false: already answered no). */
  mobileFirst: boolean,
  /** A number the full metadata gives no type is not valid (typesTellValid of its country). */
  validOnlyTyped: boolean,
): NormalisedNumber {
  if (typed === '') {
    const why: PhoneWhy = { code: 'missing' };
    return { msisdn: '', verdict: 'invalid', note: 'The phone number is missing.', why };
  }
  // The mobile-only metadata answers "can this be a mobile number?" with one pattern, four
  // times faster than asking the full metadata for the number's type; almost every number of a
  // list is a mobile number, and only the others need the full metadata to say what they are.
  for (const candidate of mobileFirst ? candidates : []) {
    const parsed = parseMobile(candidate, defaultCountry);
    if (parsed?.isValid()) return { msisdn: parsed.number.slice(1), verdict: 'mobile', note: null };
  }
  let fallback: NormalisedNumber | null = null;
  for (const candidate of candidates) {
    const parsed = parsePhoneNumberFromString(candidate, defaultCountry);
    if (parsed === undefined) continue;
    const msisdn = parsed.number.slice(1);
    // isValid() is asked only when getType() gives no type (it costs as much again).
    const known = byType(typed, msisdn, parsed.getType());
    if (known !== null) return known;
    if (!validOnlyTyped && parsed.isValid()) return { msisdn, verdict: 'mobile', note: null };
    if (!parsed.isPossible()) continue;
    fallback ??= notInUse(typed, msisdn, parsed.country ?? null, parsed.countryCallingCode);
  }
  return fallback ?? notANumber(typed, compact);
}

/**
 * A parsed number (`msisdn`, as typed: `typed`) by its getType(): a mobile one, or one of a
 * type that cannot receive an SMS; null when it has no type.
 */
function byType(typed: string, msisdn: string, type: NumberType): NormalisedNumber | null {
  // getType() matches the number against its country's plan, so a type means a valid number.
  if (CAN_RECEIVE.includes(type)) return { msisdn, verdict: 'mobile', note: null };
  if (type === undefined) return null;
  const words = TYPE_WORDS[type] ?? 'not a mobile number';
  return {
    msisdn,
    verdict: 'not-mobile',
    note: `${typed} is ${words}: it cannot receive an SMS.`,
    why: { code: 'type', type },
  };
}

/** A number the parse reads, of no type: possible in its country's plan, but not in use. */
function notInUse(
  typed: string,
  msisdn: string,
  country: CountryCode | null,
  callingCode: string,
): NormalisedNumber {
  return {
    msisdn,
    verdict: 'not-mobile',
    note: `${typed} is not a number in use in ${country ?? `country code +${callingCode}`}: check it.`,
    why: { code: 'not-in-use', country, callingCode },
  };
}

/** What no reading of the parse makes a number of. */
function notANumber(typed: string, compact: string): NormalisedNumber {
  return {
    msisdn: /^\+?\d+$/.test(compact) ? compact.replace(/^\+/, '') : typed,
    verdict: 'invalid',
    note: `${typed} is not a phone number: write it with its country code, like +45 12 34 56 78.`,
    why: { code: 'not-a-number' },
  };
}

/**
 * normaliseNumber with a cache for what must be parsed: spreadsheets repeat numbers, and parsing
 * one costs tens of microseconds, which adds up over 100,000 rows.
 */
export function numberNormaliser(defaultCountry: CountryCode): (raw: string) => NormalisedNumber {
  // TextMap, not Map: a Map would put every number in V8's string table (see TextMap).
  const cache = new TextMap<NormalisedNumber>();
  return (raw) => {
    // The fast path costs less than a look-up: only what it leaves to the parse is kept.
    const compact = raw.trim().replace(SEPARATORS, '');
    const msisdn = fastMobile(compact, defaultCountry);
    if (msisdn !== null) return { msisdn, verdict: 'mobile', note: null };
    let found = cache.get(raw);
    if (found === undefined) {
      found = parseOnce(raw, compact, defaultCountry);
      cache.set(raw, found);
    }
    return found;
  };
}

/**
 * For each number, the index of its first occurrence when it is a repeat, else -1. Numbers are
 * compared in the provider's form, so `+45 12 34 56 78` repeats `4512345678`.
 */
export function duplicateOf(msisdns: readonly string[]): Int32Array {
  const count = msisdns.length;
  const result = new Int32Array(count).fill(-1);
  // Most numbers are plain digits, kept by their value (-1: not digits, or empty). A value is
  // past V8's small integers, so keying a Map by it made an object for each of 100,000 numbers
  // (45 ms of a drop's page work): the values are sorted instead, natively, and only those that
  // repeat, mostly none, are looked for again. Any other text is keyed by itself.
  const values = new Float64Array(count);
  const firstByText = new TextMap<number>();
  for (let i = 0; i < count; i++) {
    const msisdn = msisdns[i]!;
    const value = msisdn === '' ? -1 : digitsValue(msisdn);
    values[i] = value;
    if (value >= 0 || msisdn === '') continue;
    const seen = firstByText.get(msisdn);
    if (seen !== undefined) result[i] = seen;
    else firstByText.set(msisdn, i);
  }
  const sorted = values.slice().sort();
  // The values that repeat, in order, each once, and where each was first met (-1: not yet).
  const repeated = new Float64Array(count);
  let kinds = 0;
  for (let k = 1; k < count; k++) {
    const value = sorted[k]!;
    if (value >= 0 && value === sorted[k - 1] && (kinds === 0 || repeated[kinds - 1] !== value))
      repeated[kinds++] = value;
  }
  if (kinds === 0) return result;
  const first = new Int32Array(kinds).fill(-1);
  for (let i = 0; i < count; i++) {
    const value = values[i]!;
    if (value < 0) continue;
    const kind = indexIn(repeated, kinds, value);
    if (kind < 0) continue;
    if (first[kind]! < 0) first[kind] = i;
    else result[i] = first[kind]!;
  }
  return result;
}

/** Where `value` is among the first `length` of `sorted`, or -1. */
function indexIn(sorted: Float64Array, length: number, value: number): number {
  let low = 0;
  let high = length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const at = sorted[middle]!;
    if (at === value) return middle;
    if (at < value) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/**
 * The value of a text of 1 to 15 digits with no leading zero (so two such texts have the same
 * value only when they are the same text; 15 digits, an MSISDN's most, are exact in a double),
 * else -1.
 */
export function digitsValue(text: string): number {
  const length = text.length;
  if (length === 0 || length > 15 || text.charCodeAt(0) === 0x30) return -1;
  let value = 0;
  for (let i = 0; i < length; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}
