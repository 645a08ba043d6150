import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SCROLL_PX, placed, rowsOffset, scrollerOffset, tallScroll } from './tall-scroll';

const ROW = 34;

describe("a list taller than a browser lays out (issue 16: Excel's whole sheet)", () => {
  it('is left as it is while it fits', () => {
    const scroll = tallScroll(100_000 * ROW, 600);
    expect(scroll).toEqual({ height: 100_000 * ROW, scale: 1 });
    expect(placed(scroll, 3_400, 1_000)).toBe(3_400);
  });

  it('reaches the first and the last row from the two ends of its scroller (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.integer({ min: 100, max: 2_000 }),
        (rows, viewport) => {
          const total = rows * ROW;
          const scroll = tallScroll(total, viewport);
          expect(scroll.height).toBeLessThanOrEqual(Math.max(total, MAX_SCROLL_PX));
          expect(rowsOffset(scroll, 0)).toBe(0);
          if (total > viewport) {
            // The scroller's bottom shows the rows' bottom: the last row.
            const bottom = rowsOffset(scroll, scroll.height - viewport);
            expect(bottom).toBeCloseTo(total - viewport, 3);
            // And the last row is placed inside the scroller, at its bottom.
            const last = placed(scroll, total - ROW, bottom);
            expect(last + ROW).toBeCloseTo(scroll.height, 3);
          }
          // Scrolling to a row and reading the scroller back give the same row.
          const offset = Math.floor(total / 3);
          expect(rowsOffset(scroll, scrollerOffset(scroll, offset))).toBeCloseTo(offset, 3);
        },
      ),
    );
  });

  it('keeps each row its own height, next to the one before it', () => {
    const scroll = tallScroll(1_048_575 * ROW, 600);
    expect(scroll.height).toBe(MAX_SCROLL_PX);
    expect(scroll.scale).toBeGreaterThan(2);
    const offset = rowsOffset(scroll, 7_000_000);
    expect(placed(scroll, 500_000 * ROW, offset) - placed(scroll, 499_999 * ROW, offset)).toBe(ROW);
  });
});
