import { useEffect, useId, useState } from 'react';
import { getCountries, getCountryCallingCode } from 'libphonenumber-js/max';
import type { CountryCode } from '../logic/phone';
import { errorWords, service } from '../stores/service';
import { useSending } from '../stores/sending';
import { useSettings } from '../stores/settings';
import type { ProfileSummary } from '../../../core/contract/api';
import { LanguageChoice } from './LanguageChoice';

const regionNames =
  typeof Intl.DisplayNames === 'function'
    ? new Intl.DisplayNames(['en'], { type: 'region' })
    : null;
const COUNTRIES = getCountries()
  .map((code) => ({
    code,
    name: `${regionNames?.of(code) ?? code} (+${getCountryCallingCode(code)})`,
  }))
  .sort((a, b) => a.name.localeCompare(b.name));

function ProfileEditor({ profile, onSaved }: { profile: ProfileSummary; onSaved: () => void }) {
  const [user, setUser] = useState(profile.user);
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const id = useId();
  return (
    <form
      className="profile"
      aria-label={`Profile ${profile.name}`}
      onSubmit={async (event) => {
        event.preventDefault();
        try {
          const outcome = await service().updateProfile({
            profile: profile.id,
            ...(user ? { user } : {}),
            ...(password ? { password } : {}),
          });
          setMessage(outcome.ok ? 'Saved.' : outcome.error);
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
            Server {server.name}: {server.host}:{server.port} (
            {server.security === 'ftps' ? 'encrypted' : 'not encrypted'}
            {server.fingerprint ? ', certificate pinned' : ''})
          </li>
        ))}
      </ul>
      <div className="fields">
        <div className="field">
          <label htmlFor={`${id}-user`}>User name</label>
          <input
            id={`${id}-user`}
            value={user}
            autoComplete="username"
            onChange={(event) => setUser(event.currentTarget.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>Password</label>
          <input
            id={`${id}-password`}
            type="password"
            value={password}
            autoComplete="current-password"
            placeholder={profile.hasPassword ? 'set (kept until Sendsheet stops)' : 'not set'}
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
        </div>
      </div>
      <button type="submit">Save {profile.name}</button>
      {message && <p role="status">{message}</p>}
    </form>
  );
}

export function SettingsScreen() {
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
      <h2 id="settings-heading">Settings</h2>
      <div className="fields">
        <LanguageChoice />
      </div>
      <div className="fields">
        <div className="field">
          <label htmlFor={`${id}-country`}>Default country</label>
          <select
            id={`${id}-country`}
            value={defaultCountry}
            onChange={(event) => setDefaultCountry(event.currentTarget.value as CountryCode)}
          >
            {COUNTRIES.map((country) => (
              <option key={country.code} value={country.code}>
                {country.name}
              </option>
            ))}
          </select>
          <small>For numbers written without a country code.</small>
        </div>
        <div className="field">
          <label htmlFor={`${id}-sender`}>Default sender</label>
          <input
            id={`${id}-sender`}
            value={defaultSender}
            onChange={(event) => setDefaultSender(event.currentTarget.value)}
          />
        </div>
      </div>
      <h2>Server profiles</h2>
      {profiles.map((profile) => (
        <ProfileEditor key={profile.id} profile={profile} onSaved={() => void loadProfiles()} />
      ))}
    </section>
  );
}
