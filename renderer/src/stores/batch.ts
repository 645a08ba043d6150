/** The choices for this batch: sender, class, file encoding and format, and the fixes agreed. */
import { create } from 'zustand';
import { DEFAULT_BATCH } from '../logic/campaign-settings';
import type { BatchSettings } from '../logic/campaign-settings';

export interface BatchStore {
  settings: BatchSettings;
  update(patch: Partial<BatchSettings>): void;
  reset(defaults: Partial<BatchSettings>): void;
}

export const useBatch = create<BatchStore>()((set) => ({
  settings: DEFAULT_BATCH,
  update: (patch) => set((state) => ({ settings: { ...state.settings, ...patch } })),
  reset: (defaults) => set({ settings: { ...DEFAULT_BATCH, ...defaults } }),
}));
