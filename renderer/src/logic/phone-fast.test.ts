import fc from 'fast-check';
import examples from 'libphonenumber-js/examples.mobile.json';
import { parsePhoneNumberFromString as parseMax } from 'libphonenumber-js/max';
import { getCountries, getCountryCallingCode } from 'libphonenumber-js/mobile';
import { parsePhoneNumberFromString as parseMobile } from 'libphonenumber-js/mobile';
import type { CountryCode } from 'libphonenumber-js/mobile';
import { describe, expect, it } from 'vitest';
import { fastMobile, readsAlikeWithPlus, typePlainly, typesTellValid } from './phone-fast';
import { normaliseNumber, parseNumber } from './phone';

const COUNTRIES = getCountries().filter((country) => examples[country] !== undefined);
const CALLING_CODES = [...new Set(COUNTRIES.map((country) => getCountryCallingCode(country)))];

/**
 * Numbers as lists hold them, near each country's own example of a mobile number (so that many
 * are mobile numbers): the example with digits changed, cut or added, behind any prefix (none,
 * `+`, `00`, `0`, the country's code or another's), with separators.
 */
const typedNumber = fc
  .record({
    country: fc.constantFrom(...COUNTRIES),
    other: fc.constantFrom(...CALLING_CODES),
    prefix: fc.constantFrom('', '+', '00', '0', 'own', '+own', '00own', '+other', 'other'),
    changes: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 9 })), { maxLength: 2 }),
    // Mostly the example's own length, for the numbers that the fast path answers.
    length: fc.oneof(
      { weight: 3, arbitrary: fc.constant(0) },
      { weight: 1, arbitrary: fc.integer({ min: -3, max: 3 }) },
    ),
    separator: fc.constantFrom('', ' ', '-', ' ', '.'),
    every: fc.integer({ min: 1, max: 4 }),
  })
  .map(({ country, other, prefix, changes, length, separator, every }) => {
    const own = getCountryCallingCode(country);
    let digits = examples[country]!.split('');
    // The leading digits, which say whether a number is a mobile one, are kept.
    for (const [at, digit] of changes) digits[3 + (at % (digits.length - 3))] = String(digit);
    if (length < 0) digits = digits.slice(0, length);
    else for (let i = 0; i < length; i++) digits.push(String(i));
    const body = digits
      .map((digit, index) => (index > 0 && index % every === 0 ? separator + digit : digit))
      .join('');
    const lead = prefix.replace('own', own).replace('other', other);
    return { country, typed: lead + body };
  });

describe('the fast path for mobile numbers (issue 16)', () => {
  it('answers as the parse does, for every country', () => {
    let answered = 0;
    let runs = 0;
    fc.assert(
      fc.property(typedNumber, ({ country, typed }) => {
        runs++;
        if (fastMobile(typed.replace(/[\s\-().\u00a0/]/g, ''), country) !== null) answered++;
        expect(normaliseNumber(typed, country)).toEqual(parseNumber(typed, country));
      }),
      { numRuns: 4000 },
    );
    // A fast path that never answers would pass the property while doing nothing.
    expect(answered).toBeGreaterThan(runs / 10);
  });

  it.each<[string, CountryCode, string]>([
    ['20 12 34 56', 'DK', '4520123456'],
    ['+45 20 12 34 56', 'DK', '4520123456'],
    ['4520123456', 'DK', '4520123456'],
    ['070-123 45 67', 'SE', ''],
    ['+46 70 123 45 67', 'SE', '46701234567'],
    ['70 123 45 67', 'SE', '46701234567'],
  ])('answers %j in %s with %j ("" for no answer)', (typed, country, msisdn) => {
    expect(fastMobile(typed.replace(/[\s-]/g, ''), country) ?? '').toBe(msisdn);
  });

  it('leaves numbers of a shared calling code to the parse', () => {
    // +1 is the United States', Canada's and the Caribbean's: the country is in the digits.
    expect(fastMobile('+12015550123', 'US')).toBeNull();
    expect(normaliseNumber('+12015550123', 'US').verdict).toBe('mobile');
  });
});

/**
 * Digits as a list of numbers not in use holds them: a country's calling code, then digits
 * near its example, or any, often too many for a national number (readsAlikeWithPlus).
 */
const codeFirst = fc
  .record({
    country: fc.constantFrom(...COUNTRIES),
    fromExample: fc.boolean(),
    digits: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 0, maxLength: 16 }),
    keep: fc.integer({ min: 0, max: 6 }),
  })
  .map(({ country, fromExample, digits, keep }) => {
    const example = fromExample ? examples[country]!.slice(0, keep) : '';
    const body = (example + digits.join('')).slice(0, 17);
    return { country, compact: getCountryCallingCode(country) + body };
  });

/**
 * Digits as a list of landlines or of numbers not in use holds them: a country's calling code,
 * then any digits of about a national number's length, so that the plan's every type is met.
 */
const codeThenAny = fc
  .record({
    country: fc.constantFrom(...COUNTRIES),
    digits: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 3, maxLength: 19 }),
  })
  .map(({ country, digits }) => ({
    country,
    compact: getCountryCallingCode(country) + digits.join(''),
  }));

/** What the parse makes of `text`: the number, its country and national part, by metadata. */
function readings(text: string, country: CountryCode) {
  return [parseMobile(text, country), parseMax(text, country)].map((parsed) =>
    parsed === undefined
      ? null
      : {
          number: parsed.number,
          country: parsed.country,
          callingCode: parsed.countryCallingCode,
          national: parsed.nationalNumber,
        },
  );
}

describe('digits read alike with + and without (issue 16: the whole sheet)', () => {
  it('says so only where the parse reads one number both ways, in both metadata', () => {
    let alike = 0;
    let runs = 0;
    fc.assert(
      fc.property(codeFirst, ({ country, compact }) => {
        runs++;
        if (!readsAlikeWithPlus(compact, country)) return;
        alike++;
        expect(readings(compact, country)).toEqual(readings(`+${compact}`, country));
        // What phone.ts then leaves out: the mobile-only metadata's answer is the fast path's,
        // and isValid() where getType() has given none.
        if (fastMobile(compact, country) === null)
          expect(parseMobile(`+${compact}`, country)?.isValid() ?? false).toBe(false);
        const full = parseMax(`+${compact}`, country);
        if (full !== undefined) {
          expect(full.country).toBe(country);
          if (typesTellValid(country)) expect(full.isValid()).toBe(full.getType() !== undefined);
        }
      }),
      { numRuns: 4000 },
    );
    // A check that never says yes would pass the property while sparing nothing.
    expect(alike).toBeGreaterThan(runs / 10);
  });

  it('leaves the answer as the parse gives it both ways, or as the plan types it', () => {
    // codeThenAny: landlines and other types too, which typePlainly answers (below).
    fc.assert(
      fc.property(fc.oneof(codeFirst, codeThenAny), ({ country, compact }) => {
        expect(normaliseNumber(compact, country)).toEqual(parseNumber(compact, country));
      }),
      { numRuns: 6000 },
    );
  });

  it.each<[string, CountryCode, boolean]>([
    // Not in use in Denmark, written with its code: the whole sheet's bench has 100,000 such.
    ['4521000000', 'DK', true],
    // A national number: with + it would be another country's.
    ['21000000', 'DK', false],
    // As long as a national number: the parse may read it as one.
    ['45210000', 'DK', false],
    // Germany strips a national prefix (0): left to the parse both ways.
    ['49301234567890', 'DE', false],
    ['00452100000000', 'DK', false],
  ])('%j in %s: %s', (compact, country, alike) => {
    expect(readsAlikeWithPlus(compact, country)).toBe(alike);
    expect(normaliseNumber(compact, country)).toEqual(parseNumber(compact, country));
  });

  it('names a number not in use as the parse does', () => {
    expect(normaliseNumber(' 4521000000 ', 'DK')).toEqual({
      msisdn: '4521000000',
      verdict: 'not-mobile',
      note: '4521000000 is not a number in use in DK: check it.',
      why: { code: 'not-in-use', country: 'DK', callingCode: '45' },
    });
  });
});

describe('numbers that are not mobile ones, typed by the plan (issue 16: the whole sheet)', () => {
  it("says the full parse's type and possibility, where it says anything", () => {
    const outcomes = new Map<string, number>();
    let runs = 0;
    fc.assert(
      fc.property(fc.oneof(codeThenAny, codeFirst), ({ country, compact }) => {
        runs++;
        const plainly = typePlainly(compact, country);
        if (plainly === null) return;
        const full = parseMax(`+${compact}`, country);
        const outcome = plainly.type ?? (plainly.possible ? 'not in use' : 'not a number');
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        if (full === undefined) {
          expect(plainly).toEqual({
            type: undefined,
            possible: false,
            callingCode: plainly.callingCode,
          });
          return;
        }
        expect(full.number).toBe(`+${compact}`);
        expect(full.country).toBe(country);
        expect(plainly).toEqual({
          type: full.getType(),
          possible: full.isPossible(),
          callingCode: full.countryCallingCode,
        });
      }),
      { numRuns: 6000 },
    );
    // A reading that never answers, or never gives one of these, would pass while sparing none.
    // The rarer types (toll-free, premium) are met by the examples below, not by chance here.
    expect(outcomes.get('not in use') ?? 0).toBeGreaterThan(0);
    expect(outcomes.get('not a number') ?? 0).toBeGreaterThan(0);
    expect(outcomes.size).toBeGreaterThanOrEqual(4);
    expect([...outcomes.values()].reduce((sum, count) => sum + count, 0)).toBeGreaterThan(runs / 5);
  });

  it.each<[string, CountryCode, string]>([
    // Denmark: not in use, a toll-free number, too long to be one; a landline in Madrid.
    ['4521000000', 'DK', 'not-in-use'],
    ['34911234567', 'ES', 'type FIXED_LINE'],
    ['4580123456', 'DK', 'type TOLL_FREE'],
    ['452100000000000000000', 'DK', 'not-a-number'],
  ])('%j in %s: %s, as the parse says', (compact, country, said) => {
    const answer = normaliseNumber(compact, country);
    expect(answer).toEqual(parseNumber(compact, country));
    expect(typePlainly(compact, country)).not.toBeNull();
    expect(answer.why?.code === 'type' ? `type ${answer.why.type}` : answer.why?.code).toBe(said);
  });
});
