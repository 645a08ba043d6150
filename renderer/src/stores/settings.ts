/** The person's own defaults, kept in this browser's storage across runs. */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { CountryCode } from '../logic/phone';

export interface SettingsState {
  defaultCountry: CountryCode;
  defaultSender: string;
  defaultProfile: string;
  setDefaultCountry(country: CountryCode): void;
  setDefaultSender(sender: string): void;
  setDefaultProfile(profile: string): void;
}

export const useSettings = create<SettingsState>()(
  persist(
    (set) => ({
      defaultCountry: 'DK',
      defaultSender: '',
      defaultProfile: 'emulated',
      setDefaultCountry: (defaultCountry) => set({ defaultCountry }),
      setDefaultSender: (defaultSender) => set({ defaultSender }),
      setDefaultProfile: (defaultProfile) => set({ defaultProfile }),
    }),
    { name: 'sendsheet-settings' },
  ),
);
