/**
 * The app's own settings, kept by the Node side (electron/service/app-settings.ts) so that every
 * window and browser, and the command line, share them: the first-run choice between practice
 * and the person's provider account, the profile to send with, prices, and their own number.
 */
import { create } from 'zustand';
import type { AppSettings, SettingsUpdate } from '../../../core/contract/api';
import { failureTold, service } from './service';
import type { Told } from '../i18n/said-text';

export interface AppSettingsStore {
  /** Null until loaded. */
  settings: AppSettings | null;
  error: Told | null;
  load(): Promise<void>;
  /** Null when saved, else why not (its words said by i18n/said-text.ts). */
  update(patch: SettingsUpdate): Promise<Told | null>;
}

export const useAppSettings = create<AppSettingsStore>()((set) => ({
  settings: null,
  error: null,
  async load() {
    try {
      set({ settings: await service().settings({}), error: null });
    } catch (error) {
      set({ error: failureTold(error) });
    }
  },
  async update(patch) {
    try {
      const outcome = await service().updateSettings(patch);
      if (!outcome.ok) return outcome;
      set({ settings: outcome.settings, error: null });
      return null;
    } catch (error) {
      return failureTold(error);
    }
  },
}));
