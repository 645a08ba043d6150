import { useId, useState } from 'react';
import type { ConnectionTest, ProfileSummary } from '../../../core/contract/api';
import { useTranslation } from '../i18n';
import { profileName } from './profile-name';
import { errorWords, service } from '../stores/service';

/** A connection test's outcome, in words, with each server's certificate and time. */
export function ConnectionResult({ test }: { test: ConnectionTest }) {
  const { t } = useTranslation();
  return (
    <div
      role="status"
      className={test.ok ? 'ok' : 'error'}
      data-testid={`connection-${test.profile}`}
    >
      <p>{test.summary}</p>
      {test.servers.length > 0 && (
        <ul>
          {test.servers.map((server) => (
            <li key={server.name}>
              {t('connection.server', {
                name: server.name,
                host: server.host,
                port: server.port,
                answer: server.ok
                  ? t('connection.answered', { ms: Math.round(server.ms) })
                  : (server.error ?? ''),
              })}
              {server.ok &&
                (server.fingerprint
                  ? t('connection.pinned', { fingerprint: server.fingerprint })
                  : server.encrypted
                    ? t('connection.encrypted')
                    : t('connection.notEncrypted'))}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Test connection: log in to each server and list the files, as a send would. */
export function TestConnection({ profile }: { profile: string }) {
  const { t } = useTranslation();
  const [test, setTest] = useState<ConnectionTest | null>(null);
  const [testing, setTesting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="connection-test">
      <button
        type="button"
        disabled={testing}
        onClick={async () => {
          setTesting(true);
          setError(null);
          try {
            setTest(await service().testConnection({ profile }));
          } catch (failure) {
            setError(errorWords(failure));
          } finally {
            setTesting(false);
          }
        }}
      >
        {testing ? t('connection.testing') : t('connection.test')}
      </button>
      {testing && <p role="status">{t('connection.loggingIn')}</p>}
      {error && <p className="error">{error}</p>}
      {test && !testing && <ConnectionResult test={test} />}
    </div>
  );
}

export function ProfileEditor({
  profile,
  onSaved,
}: {
  profile: ProfileSummary;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [user, setUser] = useState(profile.user);
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const id = useId();
  return (
    <form
      className="profile"
      aria-label={t('settings.profile', { name: profileName(t, profile) })}
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
      <h3>
        {profileName(t, profile)}
        {profile.practice && <span className="tag"> {t('practice.profileTag')}</span>}
      </h3>
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
      {!profile.practice && (
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
            <small>
              {profile.passwordKept === 'keychain'
                ? t('settings.passwordInKeychain')
                : t('settings.passwordForThisRun')}
            </small>
          </div>
        </div>
      )}
      <div className="actions">
        {!profile.practice && (
          <button type="submit">{t('settings.save', { name: profile.name })}</button>
        )}
        <TestConnection profile={profile.id} />
      </div>
      {message && <p role="status">{message}</p>}
    </form>
  );
}
