/**
 * Which rows of the sheet shown are left out of the send, and why (logic/left-out.ts), and the
 * row chosen in the list (for "Send a test to me"). Both belong to one sheet: another sheet
 * starts with every row in and none chosen.
 */
import { create } from 'zustand';
import type { Bulk, LeftOut } from '../logic/left-out';
import { leaveOut, noneLeftOut, toggle } from '../logic/left-out';
import type { PreviewRow } from '../logic/preview-row';
import type { Sheet } from '../logic/sheet';

export interface LeaveOutStore {
  /** The sheet the rows are of; null before one is shown. */
  sheet: Sheet | null;
  leftOut: LeftOut;
  /** The row chosen in the list (its index), or null. */
  chosen: number | null;
  /** A new sheet is shown: every row in. */
  reset(sheet: Sheet | null): void;
  toggle(index: number): void;
  leaveOut(rows: readonly PreviewRow[], which: Bulk): void;
  putBack(): void;
  choose(index: number | null): void;
}

export const useLeaveOut = create<LeaveOutStore>()((set, get) => ({
  sheet: null,
  leftOut: noneLeftOut(0),
  chosen: null,
  reset: (sheet) => {
    if (get().sheet === sheet) return;
    set({ sheet, leftOut: noneLeftOut(sheet?.rowCount ?? 0), chosen: null });
  },
  toggle: (index) => set((state) => ({ leftOut: toggle(state.leftOut, index) })),
  leaveOut: (rows, which) => set((state) => ({ leftOut: leaveOut(state.leftOut, rows, which) })),
  putBack: () => set((state) => ({ leftOut: noneLeftOut(state.leftOut.length) })),
  choose: (chosen) => set({ chosen }),
}));

/** What the preview of `sheet` leaves out: the store's, when it is of that sheet. */
export function leftOutFor(state: LeaveOutStore, sheet: Sheet | null): LeftOut | null {
  return sheet !== null && state.sheet === sheet ? state.leftOut : null;
}
