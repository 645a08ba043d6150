/**
 * The lines of a virtual list, in a fixed order of slots: row `index` always takes slot
 * `index % slotCount`. A row that stays on screen keeps its line, a row that scrolls in takes
 * the line of one that scrolled out, and the lines never change order, so the page neither
 * rebuilds nor moves them while scrolling (see PreviewTable).
 */
export function inSlots<Item extends { index: number }>(
  items: readonly Item[],
  slotCount: number,
): (Item | null)[] {
  if (items.length > slotCount) {
    throw new Error(`${items.length} rows do not fit in ${slotCount} slots`);
  }
  const slots = new Array<Item | null>(slotCount).fill(null);
  for (const item of items) slots[item.index % slotCount] = item;
  return slots;
}
