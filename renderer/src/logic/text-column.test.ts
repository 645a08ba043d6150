import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allTexts,
  emptyTexts,
  packTexts,
  PIECE_TEXTS,
  pieceCount,
  textAt,
  textCount,
  textUnits,
} from './text-column';

describe('a column of texts kept as a few strings', () => {
  it('gives back every text as it was, in order, across pieces of any size', () => {
    const shift = fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined });
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary' }), { maxLength: 50 }),
        shift,
        (texts, shift) => {
          const column = packTexts(texts, shift);
          expect(column.pieces).toHaveLength(pieceCount(texts.length, shift));
          expect(textUnits(column)).toBe(texts.join('').length);
          expect(textCount(column)).toBe(texts.length);
          expect(allTexts(column)).toEqual(texts);
          texts.forEach((text, index) => expect(textAt(column, index)).toBe(text));
        },
      ),
    );
  });

  it('keeps empty texts and texts of surrogate pairs apart', () => {
    const column = packTexts(['', '😀', '', 'a😀b', '']);
    expect(allTexts(column)).toEqual(['', '😀', '', 'a😀b', '']);
  });

  it('is empty text past its end, and for an empty column', () => {
    expect(textAt(packTexts(['a']), 1)).toBe('');
    expect(allTexts(emptyTexts(3))).toEqual(['', '', '']);
    expect(textAt(emptyTexts(PIECE_TEXTS + 2), PIECE_TEXTS + 1)).toBe('');
  });

  it('joins PIECE_TEXTS texts a piece by default', () => {
    const texts = Array.from({ length: 2 * PIECE_TEXTS + 1 }, (_, i) => String(i));
    const column = packTexts(texts);
    expect(column.pieces).toHaveLength(3);
    expect(column.pieces[2]).toBe(String(2 * PIECE_TEXTS));
    expect([PIECE_TEXTS - 1, PIECE_TEXTS, 2 * PIECE_TEXTS].map((i) => textAt(column, i))).toEqual(
      [PIECE_TEXTS - 1, PIECE_TEXTS, 2 * PIECE_TEXTS].map(String),
    );
  });
});
