import { useEffect, useId } from 'react';
import type { CountryCode } from '../logic/phone';
import { useAppSettings } from '../stores/app-settings';
import { useSending } from '../stores/sending';
import { useSettings } from '../stores/settings';
import { useTranslation } from '../i18n';
import { LanguageChoice } from './LanguageChoice';
import { useCountries } from './countries';
import { OwnNumber } from './OwnNumber';
import { PricesForm } from './PricesForm';
import { ProfileEditor } from './ProfileEditor';
import { profileName } from './profile-name';

/** Where sends go unless the person chooses otherwise: practice, or their provider account. */
function SendWith() {
  const { t } = useTranslation();
  const profiles = useSending((state) => state.profiles);
  const profile = useAppSettings((state) => state.settings?.profile ?? '');
  const update = useAppSettings((state) => state.update);
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={`${id}-send-with`}>{t('send.with')}</label>
      <select
        id={`${id}-send-with`}
        value={profile}
        onChange={(event) => void update({ profile: event.currentTarget.value })}
      >
        {profiles.map((p) => (
          <option key={p.id} value={p.id}>
            {profileName(t, p)}
          </option>
        ))}
      </select>
      <small>{t('settings.practiceHelp')}</small>
    </div>
  );
}

export function SettingsScreen() {
  const { t } = useTranslation();
  const countries = useCountries();
  const defaultCountry = useSettings((state) => state.defaultCountry);
  const defaultSender = useSettings((state) => state.defaultSender);
  const setDefaultCountry = useSettings((state) => state.setDefaultCountry);
  const setDefaultSender = useSettings((state) => state.setDefaultSender);
  const profiles = useSending((state) => state.profiles);
  const loadProfiles = useSending((state) => state.loadProfiles);
  const loaded = useAppSettings((state) => state.settings !== null);
  const id = useId();
  useEffect(() => void loadProfiles(), [loadProfiles]);
  return (
    <section aria-labelledby="settings-heading" className="panel">
      <h2 id="settings-heading">{t('settings.heading')}</h2>
      <div className="fields">
        <LanguageChoice />
      </div>
      <div className="fields">
        <div className="field">
          <label htmlFor={`${id}-country`}>{t('settings.country')}</label>
          <select
            id={`${id}-country`}
            value={defaultCountry}
            onChange={(event) => setDefaultCountry(event.currentTarget.value as CountryCode)}
          >
            {countries.map((country) => (
              <option key={country.code} value={country.code}>
                {country.name}
              </option>
            ))}
          </select>
          <small>{t('settings.countryHelp')}</small>
        </div>
        <div className="field">
          <label htmlFor={`${id}-sender`}>{t('settings.sender')}</label>
          <input
            id={`${id}-sender`}
            value={defaultSender}
            onChange={(event) => setDefaultSender(event.currentTarget.value)}
          />
        </div>
        {loaded && <SendWith />}
        {loaded && <OwnNumber />}
      </div>
      {loaded && <PricesForm />}
      <h2>{t('settings.profiles')}</h2>
      {profiles.map((profile) => (
        <ProfileEditor key={profile.id} profile={profile} onSaved={() => void loadProfiles()} />
      ))}
    </section>
  );
}
