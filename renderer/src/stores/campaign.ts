/**
 * The choices for the messages of the next export or send: sender, class, file encoding and
 * format, and the fixes agreed.
 */
import { create } from 'zustand';
import { DEFAULT_CAMPAIGN } from '../logic/campaign-settings';
import type { CampaignSettings } from '../logic/campaign-settings';

export interface CampaignStore {
  settings: CampaignSettings;
  update(patch: Partial<CampaignSettings>): void;
  reset(defaults: Partial<CampaignSettings>): void;
}

export const useCampaign = create<CampaignStore>()((set) => ({
  settings: DEFAULT_CAMPAIGN,
  update: (patch) => set((state) => ({ settings: { ...state.settings, ...patch } })),
  reset: (defaults) => set({ settings: { ...DEFAULT_CAMPAIGN, ...defaults } }),
}));
