/**
 * The common case of a list's numbers answered without a parse: digits, with or without `+` and
 * the default country's code, that libphonenumber-js would call a mobile number of the default
 * country. Parsing costs tens of microseconds a number (it copies its options, makes a metadata
 * object and builds each pattern's RegExp on every call), and in a list every number is new: at
 * 100,000 rows that was most of the page's share of a drop (bench/PROFILE.md). Here each country's
 * patterns are compiled once, from libphonenumber-js's own metadata.
 *
 * It only ever answers "a mobile number, sent as these digits", and only where the parse would
 * say exactly that (phone-fast.test.ts proves it against the parse); anything else (another
 * country's code, a national or international prefix, a country whose code other countries
 * share, a number that is not a mobile one) gets null, and the parse decides.
 */
import { Metadata } from 'libphonenumber-js/core';
import type { CountryCode, MetadataJson, NumberType } from 'libphonenumber-js/core';
import maxMetadata from 'libphonenumber-js/metadata.max.json';
import mobileMetadata from 'libphonenumber-js/metadata.mobile.json';

/** The parts of libphonenumber-js's Metadata that its types leave out; the parse reads the same. */
interface PlanMetadata {
  countryCallingCodes(): Record<string, string[]>;
  selectNumberingPlan(country: CountryCode): void;
  numberingPlan: {
    callingCode(): string;
    IDDPrefix(): string;
    nationalNumberPattern(): string;
    possibleLengths(): number[] | undefined;
    nationalPrefixForParsing(): string | number | undefined;
    nationalPrefixTransformRule(): string | number | undefined;
    hasTypes(): boolean;
    type(
      name: KindName,
    ): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
  };
}

/** The types libphonenumber-js's getType() can give from a plan's own patterns. */
type KindName = Exclude<NonNullable<NumberType>, 'FIXED_LINE_OR_MOBILE'>;

interface Plan {
  callingCode: string;
  general: RegExp;
  mobile: RegExp;
  mobileLengths: readonly number[];
  /** The international call prefix (`00`): digits that start with it are not national. */
  idd: RegExp;
  /** The national prefix the parse may strip (`0`), '' for none. */
  nationalPrefix: string;
  /**
   * Plain digits after the calling code longer than this are read as one number with `+` or
   * without (readsAlikeWithPlus); null where the plan does not say so.
   */
  longest: number | null;
  /** The international call prefix of the full metadata, which the parse of a type reads. */
  maxIdd: RegExp;
  /** The full metadata gives the plan's numbers types (see typesTellValid). */
  typed: boolean;
}

const plans = new Map<CountryCode, Plan | null>();

function whole(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`);
}

/** The country's plan, or null where the fast path does not apply to it. */
function planOf(country: CountryCode): Plan | null {
  const known = plans.get(country);
  if (known !== undefined) return known;
  let plan: Plan | null = null;
  const metadata = new Metadata(mobileMetadata as MetadataJson) as unknown as PlanMetadata;
  metadata.selectNumberingPlan(country);
  const numbering = metadata.numberingPlan;
  const callingCode = numbering.callingCode();
  const prefix = numbering.nationalPrefixForParsing();
  const mobile = numbering.hasTypes() ? numbering.type('MOBILE') : undefined;
  const mobileLengths = mobile?.possibleLengths() ?? numbering.possibleLengths();
  // A code that several countries share picks its country by the number's leading digits, and
  // a prefix given as a pattern, or rewritten by a rule, is what the parse must do: both are left to it.
  if (
    metadata.countryCallingCodes()[callingCode]?.length === 1 &&
    !numbering.nationalPrefixTransformRule() &&
    (!prefix || /^\d+$/.test(String(prefix))) &&
    mobile !== undefined &&
    mobile.pattern() !== '' &&
    mobileLengths !== undefined
  ) {
    plan = {
      callingCode,
      general: whole(numbering.nationalNumberPattern()),
      mobile: whole(mobile.pattern()),
      mobileLengths,
      idd: new RegExp(`^(?:${numbering.IDDPrefix()})`),
      nationalPrefix: prefix ? String(prefix) : '',
      ...withoutPlus(country, prefix, numbering.possibleLengths()),
    };
  }
  plans.set(country, plan);
  return plan;
}

/**
 * What decides whether plain digits that start with the calling code are read alike with `+`
 * and without, in both metadata: the parse of digits without `+` takes the calling code off
 * when the whole is too long for a national number (checkNumberLength's TOO_LONG: longer than
 * the plan's longest), and neither reading strips a national prefix where the plan has none.
 */
function withoutPlus(
  country: CountryCode,
  /** The mobile metadata's national prefix and national numbers' lengths. */
  mobilePrefix: string | number | undefined,
  mobileMetadataLengths: number[] | undefined,
): Pick<Plan, 'longest' | 'maxIdd' | 'typed'> {
  const metadata = new Metadata(maxMetadata as MetadataJson) as unknown as PlanMetadata;
  metadata.selectNumberingPlan(country);
  const numbering = metadata.numberingPlan;
  const maxLengths = numbering.possibleLengths();
  const longest =
    !mobilePrefix &&
    !numbering.nationalPrefixForParsing() &&
    mobileMetadataLengths !== undefined &&
    maxLengths !== undefined
      ? Math.max(mobileMetadataLengths.at(-1)!, maxLengths.at(-1)!)
      : null;
  return {
    longest,
    maxIdd: new RegExp(`^(?:${numbering.IDDPrefix()})`),
    typed: numbering.hasTypes(),
  };
}

/**
 * Whether the parse reads `compact` (typed digits, no separators) as the same number, of the
 * same country, whether or not `+` is put before it, with either metadata: then asking it both
 * ways (phone.ts, parseNumber) can only give the same answer twice. For digits that start with
 * the country's calling code and are too long to be a national number without it, as a list
 * of numbers not in use written with their country code has them (parsing each both ways was
 * most of the whole sheet's page part: bench/PROFILE.md).
 */
export function readsAlikeWithPlus(compact: string, country: CountryCode): boolean {
  const plan = planOf(country);
  if (plan === null || plan.longest === null) return false;
  return (
    DIGITS.test(compact) &&
    compact.startsWith(plan.callingCode) &&
    compact.length > plan.longest &&
    !compact.startsWith('0') &&
    !plan.idd.test(compact) &&
    !plan.maxIdd.test(compact)
  );
}

/**
 * Whether a number of `country` that the full metadata gives no type is not a valid one: where
 * the plan has types, libphonenumber-js's isValid() is whether getType() gives one, so asking
 * it after getType() gave none only asks again.
 */
export function typesTellValid(country: CountryCode): boolean {
  return planOf(country)?.typed === true;
}

/**
 * One type of a plan as libphonenumber-js's isNumberTypeEqualTo reads it: no pattern (the type
 * absent, or its pattern empty) matches nothing; lengths, where the plan gives them, come first.
 */
interface Kind {
  pattern: RegExp | null;
  lengths: readonly number[] | undefined;
}

/** What getType() and isPossible() read of a plan in the full metadata, compiled once. */
interface TypePlan {
  callingCode: string;
  general: RegExp;
  /** The general lengths: what isPossible() compares a number's length with. */
  lengths: readonly number[];
  fixedLine: Kind;
  mobile: Kind;
  /** FIXED_LINE matching means FIXED_LINE_OR_MOBILE without asking MOBILE: it has no pattern. */
  fixedIsAlsoMobile: boolean;
  /** MOBILE, then the others, in getType()'s order (its NON_FIXED_LINE_PHONE_TYPES). */
  others: readonly (readonly [KindName, Kind])[];
}

/** The types after MOBILE, in getType()'s order. */
const LATER_KINDS: readonly KindName[] = [
  'PREMIUM_RATE',
  'TOLL_FREE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
];

/** The parse's bounds of a national number (libphonenumber-js's MIN/MAX_LENGTH_FOR_NSN). */
const SHORTEST_NATIONAL = 2;
const LONGEST_NATIONAL = 17;

const typePlans = new Map<CountryCode, TypePlan | null>();

/** The country's plan for typePlainly, or null where it has no types or no lengths. */
function typePlanOf(country: CountryCode): TypePlan | null {
  const known = typePlans.get(country);
  if (known !== undefined) return known;
  const metadata = new Metadata(maxMetadata as MetadataJson) as unknown as PlanMetadata;
  metadata.selectNumberingPlan(country);
  const numbering = metadata.numberingPlan;
  const lengths = numbering.possibleLengths();
  let plan: TypePlan | null = null;
  if (numbering.hasTypes() && lengths !== undefined) {
    const kind = (name: KindName): Kind => {
      const type = numbering.type(name);
      const pattern = type?.pattern();
      return { pattern: pattern ? whole(pattern) : null, lengths: type?.possibleLengths() };
    };
    const mobileType = numbering.type('MOBILE');
    const mobile = kind('MOBILE');
    plan = {
      callingCode: numbering.callingCode(),
      general: whole(numbering.nationalNumberPattern()),
      lengths,
      fixedLine: kind('FIXED_LINE'),
      mobile,
      fixedIsAlsoMobile: mobileType === undefined || mobileType.pattern() === '',
      others: [['MOBILE', mobile], ...LATER_KINDS.map((name) => [name, kind(name)] as const)],
    };
  }
  typePlans.set(country, plan);
  return plan;
}

function isKind(kind: Kind, national: string): boolean {
  if (kind.pattern === null) return false;
  if (kind.lengths !== undefined && !kind.lengths.includes(national.length)) return false;
  return kind.pattern.test(national);
}

/** libphonenumber-js's getNumberType() of a national number of `plan`. */
function typeOf(plan: TypePlan, national: string): NumberType {
  if (!plan.general.test(national)) return undefined;
  if (isKind(plan.fixedLine, national)) {
    return plan.fixedIsAlsoMobile || isKind(plan.mobile, national)
      ? 'FIXED_LINE_OR_MOBILE'
      : 'FIXED_LINE';
  }
  for (const [name, kind] of plan.others) if (isKind(kind, national)) return name;
  return undefined;
}

/** What the full metadata's parse of a number says of it, where it reads one. */
export interface PlainReading {
  /** Its getType(). */
  type: NumberType;
  /** Whether the parse reads a number at all and its isPossible() is true. */
  possible: boolean;
  /** The country's calling code, which the number starts with. */
  callingCode: string;
}

/**
 * What the full metadata's parse of `+compact` would say of it, without a parse, where the
 * parse reads one number of `country` with `+` and without (readsAlikeWithPlus) and the plan's
 * types tell what is valid (typesTellValid); else null. A list of numbers not in use, or of
 * landlines, written with their country code leaves each to this: a parse of one costs ten
 * microseconds (it builds every pattern's RegExp again), and the whole sheet's bench has
 * 100,000 of them (bench/PROFILE.md).
 */
export function typePlainly(compact: string, country: CountryCode): PlainReading | null {
  return readsAlikeWithPlus(compact, country) ? typePlainlyOfAlike(compact, country) : null;
}

/** typePlainly of a number that reads alike with `+` and without, as the caller has asked. */
export function typePlainlyOfAlike(compact: string, country: CountryCode): PlainReading | null {
  if (!typesTellValid(country)) return null;
  const plan = typePlanOf(country);
  if (plan === null) return null;
  const { callingCode } = plan;
  const national = compact.slice(callingCode.length);
  // A national number of a length the parse does not read is no number to it.
  if (national.length < SHORTEST_NATIONAL || national.length > LONGEST_NATIONAL)
    return { type: undefined, possible: false, callingCode };
  const type = typeOf(plan, national);
  return { type, possible: plan.lengths.includes(national.length), callingCode };
}

function isMobile(plan: Plan, national: string): boolean {
  return (
    plan.mobileLengths.includes(national.length) &&
    (plan.nationalPrefix === '' || !national.startsWith(plan.nationalPrefix)) &&
    plan.general.test(national) &&
    plan.mobile.test(national)
  );
}

const DIGITS = /^\d+$/;

/**
 * The number in the provider's form (country code and digits) when `compact` (the typed number
 * without spaces and dashes) is a mobile number of `country`'s plan written plainly; else null.
 */
export function fastMobile(compact: string, country: CountryCode): string | null {
  const plan = planOf(country);
  if (plan === null) return null;
  const plus = compact.startsWith('+');
  const digits = plus ? compact.slice(1) : compact;
  if (!DIGITS.test(digits)) return null;
  if (!plus) {
    if (digits.startsWith('0') || plan.idd.test(digits)) return null;
    // Read first as a national number, as the parse reads digits without a `+`.
    if (isMobile(plan, digits)) return plan.callingCode + digits;
  }
  if (!digits.startsWith(plan.callingCode)) return null;
  return isMobile(plan, digits.slice(plan.callingCode.length)) ? digits : null;
}
