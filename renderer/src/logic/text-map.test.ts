import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashText, TextMap } from './text-map';

describe('TextMap: a map keyed by text that does not internalize its keys', () => {
  it('answers as a Map does, for any sets and lookups (property)', () => {
    // Short keys from few characters, so that equal keys and hash collisions both occur.
    const key = fc.string({ unit: fc.constantFrom('4', '5', '+', ' ', 'é', '😀'), maxLength: 4 });
    const op = fc.tuple(fc.boolean(), key, fc.integer());
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const expected = new Map<string, number>();
        const actual = new TextMap<number>();
        for (const [isSet, k, value] of ops) {
          if (isSet) {
            expected.set(k, value);
            actual.set(k, value);
          }
          expect(actual.get(k)).toBe(expected.get(k));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps keys apart when their hashes collide', () => {
    // Two different texts with one hash, found by search over short keys.
    const seen = new Map<number, string>();
    let pair: [string, string] | null = null;
    for (let n = 0; pair === null; n++) {
      const text = n.toString(36);
      const other = seen.get(hashText(text));
      if (other !== undefined) pair = [other, text];
      else seen.set(hashText(text), text);
    }
    const [a, b] = pair;
    expect(a).not.toBe(b);
    const map = new TextMap<string>();
    map.set(a, 'first');
    map.set(b, 'second');
    expect(map.get(a)).toBe('first');
    expect(map.get(b)).toBe('second');
    map.set(a, 'changed');
    expect([map.get(a), map.get(b)]).toEqual(['changed', 'second']);
    expect(map.get(a + b)).toBeUndefined();
  });
});
