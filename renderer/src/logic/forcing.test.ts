import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countSegments, isGsm7Char } from '../../../core/segments';
import { ucs2Characters } from './forcing';

describe('the characters that force UCS-2 (issue 5, flow 4)', () => {
  it('marks exactly the characters outside GSM-7, whole, and nothing else (property)', () => {
    const char = fc.constantFrom('a', 'Ø', '€', '{', '–', '’', 'ç', '😀', '\u00a0', '\ud800', ' ');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        const spans = ucs2Characters(text);
        const marked: string[] = [];
        let plain = '';
        let from = 0;
        for (let k = 0; k < spans.length; k += 2) {
          expect(spans[k]).toBeGreaterThanOrEqual(from);
          plain += text.slice(from, spans[k]);
          marked.push(text.slice(spans[k], spans[k + 1]));
          from = spans[k + 1]!;
        }
        plain += text.slice(from);
        expect(marked).toEqual([...text].filter((c) => !isGsm7Char(c.codePointAt(0)!)));
        expect([...plain].every((c) => isGsm7Char(c.codePointAt(0)!))).toBe(true);
        // A message is UCS-2 exactly when something is marked.
        expect(spans.length > 0).toBe(countSegments(text).encoding === 'UCS-2');
      }),
      { numRuns: 500 },
    );
  });

  it('keeps an emoji whole', () => {
    expect(ucs2Characters('Hi 😀!')).toEqual([3, 5]);
  });
});
