import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digitsValue, duplicateOf, normaliseNumber, numberNormaliser } from './phone';

describe('numbers in the provider form (SPEC 6; issue 5, flow 3)', () => {
  it.each([
    ['+45 20 12 34 56', '4520123456'],
    ['0045 20123456', '4520123456'],
    ['20 12 34 56', '4520123456'],
    ['20-12-34-56', '4520123456'],
    ['4520123456', '4520123456'],
    [' +49 170 1234567 ', '491701234567'],
    ['491701234567', '491701234567'],
  ])('writes %j as %s with Denmark as the default country', (raw, msisdn) => {
    const result = normaliseNumber(raw, 'DK');
    expect(result.msisdn).toBe(msisdn);
    expect(result.verdict).toBe('mobile');
    expect(result.note).toBeNull();
  });

  it('uses the default country for national numbers', () => {
    expect(normaliseNumber('07700 900123', 'GB').msisdn).toBe('447700900123');
    expect(normaliseNumber('0170 1234567', 'DE').msisdn).toBe('491701234567');
  });

  it('marks numbers that cannot receive an SMS, saying why', () => {
    const tollFree = normaliseNumber('80 20 30 40', 'DK');
    expect(tollFree).toMatchObject({ msisdn: '4580203040', verdict: 'not-mobile' });
    expect(tollFree.note).toMatch(/toll-free/);
    const landline = normaliseNumber('+49 30 1234567', 'DK');
    expect(landline.verdict).toBe('not-mobile');
    expect(landline.note).toMatch(/landline/);
    const unused = normaliseNumber('12345678', 'DK');
    expect(unused).toMatchObject({ msisdn: '4512345678', verdict: 'not-mobile' });
  });

  it('marks what is not a number at all, keeping the text so the server check names it', () => {
    expect(normaliseNumber('call me', 'DK')).toMatchObject({
      msisdn: 'call me',
      verdict: 'invalid',
    });
    expect(normaliseNumber('', 'DK')).toMatchObject({ msisdn: '', verdict: 'invalid' });
    expect(normaliseNumber('123', 'DK').verdict).toBe('invalid');
  });

  it('caches by the typed text what it parses, and gives the same answers', () => {
    const normalise = numberNormaliser('DK');
    // A toll-free number is parsed (the fast path answers only mobile numbers).
    const first = normalise('80 20 30 40');
    expect(normalise('80 20 30 40')).toBe(first);
    expect(first).toEqual(normaliseNumber('80 20 30 40', 'DK'));
    expect(normalise('20 12 34 56')).toEqual(normaliseNumber('20 12 34 56', 'DK'));
  });
});

describe('duplicates (issue 5, flow 3)', () => {
  it('points each repeat at its first occurrence and ignores empty numbers', () => {
    expect([...duplicateOf(['45', '46', '45', '', '', '45'])]).toEqual([-1, -1, 0, -1, -1, 0]);
  });

  it('finds the same repeats keyed by value as by text (issue 16)', () => {
    /** The plain way: every number keyed by its text. */
    const plain = (msisdns: string[]) => {
      const first = new Map<string, number>();
      return msisdns.map((msisdn, i) => {
        if (msisdn === '') return -1;
        const seen = first.get(msisdn);
        if (seen === undefined) first.set(msisdn, i);
        return seen ?? -1;
      });
    };
    // Texts that are near each other as values: leading zeros, a plus, 15 and 16 digits.
    const msisdn = fc.oneof(
      fc.constantFrom('', '0', '00', '45', '045', '+45', '4520123456', '04520123456'),
      fc.constantFrom('999999999999999', '0999999999999999', '9999999999999999', '1e3', '1000'),
      fc.stringMatching(/^[0-9]{1,3}$/),
    );
    fc.assert(
      fc.property(fc.array(msisdn, { maxLength: 40 }), (msisdns) => {
        expect([...duplicateOf(msisdns)]).toEqual(plain(msisdns));
      }),
      { numRuns: 500 },
    );
    expect(digitsValue('999999999999999')).toBe(999_999_999_999_999);
    expect([digitsValue('0'), digitsValue('045'), digitsValue('1e3'), digitsValue('')]).toEqual([
      -1, -1, -1, -1,
    ]);
  });
});
