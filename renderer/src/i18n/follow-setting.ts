/** The language follows the Settings choice, and the system's when the choice is the system. */
import { useSettings } from '../stores/settings';
import { applyLanguageChoice } from '.';

export function followLanguageSetting(): () => void {
  const apply = () => applyLanguageChoice(useSettings.getState().language);
  apply();
  const stop = useSettings.subscribe((state, before) => {
    if (state.language !== before.language) apply();
  });
  // The system's language can change while the app is open.
  window.addEventListener('languagechange', apply);
  return () => {
    stop();
    window.removeEventListener('languagechange', apply);
  };
}
