import { useEffect, useId, useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { getCountries, getCountryCallingCode } from 'libphonenumber-js/max';
import type { CountryCode } from '../logic/phone';
import { errorWords, service } from '../stores/service';
import { useSending } from '../stores/sending';
import { useSettings } from '../stores/settings';
import type { ProfileSummary } from '../../../core/contract/api';
import { useLocale, useTranslation } from '../i18n';
import { LanguageChoice } from './LanguageChoice';

/** Every country by its name in the locale, with its calling code, sorted as the locale sorts. */
function countriesIn(locale: string, t: TFunction): { code: CountryCode; name: string }[] {
  const regionNames =
    typeof Intl.DisplayNames === 'function'
      ? new Intl.DisplayNames([locale], { type: 'region' })
      : null;
  const collator = new Intl.Collator(locale);
  return getCountries()
    .map((code) => ({
      code,
      name: t('settings.countryOption', {
        name: regionNames?.of(code) ?? code,
        code: getCountryCallingCode(code),
      }),
    }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

function ProfileEditor({ profile, onSaved }: { profile: ProfileSummary; onSaved: () => void }) {
  const { t } = useTranslation();
  const [user, setUser] = useState(profile.user);
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const id = useId();
  return (
    <form
      className="profile"
      aria-label={t('settings.profile', { name: profile.name })}
      onSubmit={async (event) => {
        event.preventDefault();
        try {
          const outcome = await service().updateProfile({
            profile: profile.id,
            ...(user ? { user } : {}),
            ...(password ? { password } : {}),
          });
          setMessage(outcome.ok ? t('settings.saved') : outcome.error);
          setPassword('');
          onSaved();
        } catch (error) {
          setMessage(errorWords(error));
        }
      }}
    >
      <h3>{profile.name}</h3>
      <ul>
        {profile.servers.map((server) => (
          <li key={server.name}>
            {t('settings.server', {
              name: server.name,
              host: server.host,
              port: server.port,
              security:
                server.security !== 'ftps'
                  ? t('settings.notEncrypted')
                  : server.fingerprint
                    ? t('settings.encryptedPinned')
                    : t('settings.encrypted'),
            })}
          </li>
        ))}
      </ul>
      <div className="fields">
        <div className="field">
          <label htmlFor={`${id}-user`}>{t('settings.user')}</label>
          <input
            id={`${id}-user`}
            value={user}
            autoComplete="username"
            onChange={(event) => setUser(event.currentTarget.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>{t('settings.password')}</label>
          <input
            id={`${id}-password`}
            type="password"
            value={password}
            autoComplete="current-password"
            placeholder={
              profile.hasPassword ? t('settings.passwordSet') : t('settings.passwordNotSet')
            }
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
        </div>
      </div>
      <button type="submit">{t('settings.save', { name: profile.name })}</button>
      {message && <p role="status">{message}</p>}
    </form>
  );
}

export function SettingsScreen() {
  const { t } = useTranslation();
  const locale = useLocale();
  const countries = useMemo(() => countriesIn(locale, t), [locale, t]);
  const defaultCountry = useSettings((state) => state.defaultCountry);
  const defaultSender = useSettings((state) => state.defaultSender);
  const setDefaultCountry = useSettings((state) => state.setDefaultCountry);
  const setDefaultSender = useSettings((state) => state.setDefaultSender);
  const profiles = useSending((state) => state.profiles);
  const loadProfiles = useSending((state) => state.loadProfiles);
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
      </div>
      <h2>{t('settings.profiles')}</h2>
      {profiles.map((profile) => (
        <ProfileEditor key={profile.id} profile={profile} onSaved={() => void loadProfiles()} />
      ))}
    </section>
  );
}
