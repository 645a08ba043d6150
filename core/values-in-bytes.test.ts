import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeClass, describeMsisdn, describeSender } from './values';
import { isValidMsisdnAt, isValidSenderAt, knownClassAt } from './values-in-bytes';

// SPEC 6 read from a Windows-1252 file's bytes must say "valid" exactly where values.ts does:
// check judges a row from its bytes and asks values.ts only about what they refuse.
const unit = fc.oneof(
  fc.constantFrom(...'0123456789 +-.&_aZ'),
  fc.constantFrom('standard', 'premium', 'secret', 'Standard', 'standar', 'secrets'),
  fc.integer({ min: 0, max: 0xff }).map((c) => String.fromCharCode(c)),
);
const value = fc.oneof(
  fc
    .array(unit, { maxLength: 12 })
    .map((parts) => parts.join(''))
    .filter((text) => text.length <= 40),
  // Numbers and senders near the limits of their lengths, spaces around some.
  fc
    .tuple(fc.stringMatching(/^ {0,2}[0-9]{6,17} {0,2}$/), fc.constantFrom('', 'a', 'é', ' '))
    .map(([number, extra]) => number + extra),
  fc.stringMatching(/^[A-Za-z0-9 .\-_&+]{9,13}$/),
);

describe('issue 16: the value rules on bytes are values.ts on the same characters', () => {
  it('msisdn (spaces around ignored), sender and class, at any place in the bytes (property)', () => {
    fc.assert(
      fc.property(value, fc.nat(5), fc.nat(5), (text, lead, trail) => {
        const bytes = Uint8Array.from(`${'x'.repeat(lead)}${text}${';'.repeat(trail)}`, (c) =>
          c.charCodeAt(0),
        );
        const start = lead;
        const end = lead + text.length;
        expect(isValidMsisdnAt(bytes, start, end)).toBe(describeMsisdn(text) === null);
        expect(isValidSenderAt(bytes, start, end)).toBe(describeSender(text) === null);
        const known = knownClassAt(bytes, start, end);
        expect(known === null).toBe(describeClass(text) !== null);
        if (known !== null) expect(known).toBe(text);
      }),
      { numRuns: 5000 },
    );
  });
});
