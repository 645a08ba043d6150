/** Where the person is in the app. Commands to its parts are events (stores/commands.ts). */
import { create } from 'zustand';

export type Screen = 'send' | 'history' | 'inspect' | 'settings';

export interface UiStore {
  screen: Screen;
  go(screen: Screen): void;
}

export const useUi = create<UiStore>()((set) => ({
  screen: 'send',
  go: (screen) => set({ screen }),
}));
