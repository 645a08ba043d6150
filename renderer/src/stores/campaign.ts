/**
 * The choices for the messages of the next export or send: sender, class, file encoding and
 * format, and the fixes agreed. Each file opened starts them anew from the person's defaults
 * (stores/file.ts), and a new default applies at once (stores/settings.ts).
 */
import { create } from 'zustand';
import { DEFAULT_CAMPAIGN } from '../logic/campaign-settings';
import type { CampaignSettings } from '../logic/campaign-settings';
import { useSending } from './sending';

export interface CampaignStore {
  settings: CampaignSettings;
  update(patch: Partial<CampaignSettings>): void;
  reset(defaults: Partial<CampaignSettings>): void;
}

export const useCampaign = create<CampaignStore>()((set) => ({
  settings: DEFAULT_CAMPAIGN,
  update(patch) {
    set((state) => ({ settings: { ...state.settings, ...patch } }));
    // Other settings make other messages: a file exported before them is not theirs.
    useSending.getState().clearResult();
  },
  reset(defaults) {
    set({ settings: { ...DEFAULT_CAMPAIGN, ...defaults } });
    useSending.getState().clearResult();
  },
}));
