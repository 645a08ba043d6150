/** Where the person is in the app, and a row of the preview to bring into view. */
import { create } from 'zustand';

export type Screen = 'send' | 'history' | 'inspect' | 'settings';

export interface UiStore {
  screen: Screen;
  /** A preview row index to scroll to (from a rejection's cause), with a counter to repeat it. */
  focus: { index: number; seq: number } | null;
  /** A command of the desktop window's menu for the send screen, with a counter to repeat it. */
  command: { name: 'export' | 'send'; seq: number } | null;
  go(screen: Screen): void;
  run(name: 'export' | 'send'): void;
  focusRow(index: number): void;
}

export const useUi = create<UiStore>()((set, get) => ({
  screen: 'send',
  focus: null,
  command: null,
  go: (screen) => set({ screen }),
  run: (name) => set({ screen: 'send', command: { name, seq: (get().command?.seq ?? 0) + 1 } }),
  focusRow: (index) => set({ screen: 'send', focus: { index, seq: (get().focus?.seq ?? 0) + 1 } }),
}));
