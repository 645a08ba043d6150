/**
 * A list taller than a browser can lay out, scrolled all the same. Chromium cuts an element's
 * height at 2^25 px (33,554,432; Firefox near 17.9 million): Excel's whole sheet at 34 px a row
 * is 35.7 million, and its last 61,000 rows could not be scrolled to. Past MAX_SCROLL_PX the list's
 * scroller is that tall, and its scroll position is scaled to the rows' own: the top and the
 * bottom of the scroller are the first and the last row, in between in proportion, while each
 * row stays its height, placed from the scroller's position (as SlickGrid and AG Grid do).
 */

/** Well below every browser's limit. */
export const MAX_SCROLL_PX = 15_000_000;

export interface TallScroll {
  /** How tall the scroller's content is made, px. */
  height: number;
  /** Rows' offset per scroller offset: 1 for a list that fits. */
  scale: number;
}

/** The scroller of a list `total` px tall, seen through a viewport `viewport` px tall. */
export function tallScroll(total: number, viewport: number): TallScroll {
  if (total <= MAX_SCROLL_PX) return { height: total, scale: 1 };
  const room = Math.max(1, MAX_SCROLL_PX - viewport);
  return { height: MAX_SCROLL_PX, scale: Math.max(1, total - viewport) / room };
}

/** The rows' offset at the scroller's offset `scrollTop`. */
export function rowsOffset(scroll: TallScroll, scrollTop: number): number {
  return scrollTop * scroll.scale;
}

/** The scroller's offset that shows the rows from `offset`. */
export function scrollerOffset(scroll: TallScroll, offset: number): number {
  return offset / scroll.scale;
}

/** Where a row that starts at `start` in the rows is placed in the scroller, px. */
export function placed(scroll: TallScroll, start: number, offset: number): number {
  return scroll.scale === 1 ? start : scrollerOffset(scroll, offset) + (start - offset);
}
