/**
 * The person's own defaults for a file, kept in this browser's storage across runs. A file
 * opened starts from them (stores/file.ts); a default changed applies at once to the file open
 * now. What the command line shares (the profile, prices, the own number) is kept by the Node
 * side instead (stores/app-settings.ts).
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { LanguageChoice } from '../i18n/language';
import type { CountryCode } from '../logic/phone';
import { useCampaign } from './campaign';

export interface SettingsState {
  defaultCountry: CountryCode;
  defaultSender: string;
  setDefaultCountry(country: CountryCode): void;
  setDefaultSender(sender: string): void;
  /** The app's language, or the system's (i18n/). */
  language: LanguageChoice;
  setLanguage(language: LanguageChoice): void;
}

export const useSettings = create<SettingsState>()(
  persist(
    (set) => ({
      defaultCountry: 'DK',
      defaultSender: '',
      setDefaultCountry(defaultCountry) {
        set({ defaultCountry });
        useCampaign.getState().update({ defaultCountry });
      },
      setDefaultSender(defaultSender) {
        set({ defaultSender });
        useCampaign.getState().update({ sender: defaultSender });
      },
      language: 'system',
      setLanguage: (language) => set({ language }),
    }),
    { name: 'sendsheet-settings' },
  ),
);
