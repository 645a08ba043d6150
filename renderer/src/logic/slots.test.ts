import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inSlots } from './slots';

const run = (first: number, length: number) =>
  Array.from({ length }, (_, k) => ({ index: first + k }));

describe('the lines of the preview in slots', () => {
  it('shows every row of the window once, and a row keeps its line while it stays (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.nat(100_000),
        fc.integer({ min: -70, max: 70 }),
        (slotCount, first, shift) => {
          const length = Math.max(1, slotCount - 1);
          const before = inSlots(run(first, length), slotCount);
          const after = inSlots(run(Math.max(0, first + shift), length), slotCount);
          expect(before).toHaveLength(slotCount);
          const shown = before.filter((item) => item !== null).map((item) => item.index);
          expect(shown.sort((a, b) => a - b)).toEqual(run(first, length).map((i) => i.index));
          before.forEach((item, slot) => {
            if (item === null) return;
            const stays = after.findIndex((other) => other?.index === item.index);
            if (stays >= 0) expect(stays).toBe(slot);
          });
        },
      ),
    );
  });

  it('refuses more rows than slots rather than hide one', () => {
    expect(() => inSlots(run(0, 3), 2)).toThrow('3 rows do not fit in 2 slots');
  });
});
