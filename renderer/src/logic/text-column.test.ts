import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allTexts, emptyTexts, packTexts, textAt, textCount } from './text-column';

describe('a column of texts kept as one string', () => {
  it('gives back every text as it was, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 50 }), (texts) => {
        const column = packTexts(texts);
        expect(textCount(column)).toBe(texts.length);
        expect(allTexts(column)).toEqual(texts);
        texts.forEach((text, index) => expect(textAt(column, index)).toBe(text));
      }),
    );
  });

  it('keeps empty texts and texts of surrogate pairs apart', () => {
    const column = packTexts(['', '😀', '', 'a😀b', '']);
    expect(allTexts(column)).toEqual(['', '😀', '', 'a😀b', '']);
  });

  it('is empty text past its end, and for an empty column', () => {
    expect(textAt(packTexts(['a']), 1)).toBe('');
    expect(allTexts(emptyTexts(3))).toEqual(['', '', '']);
  });
});
