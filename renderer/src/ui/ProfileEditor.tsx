import { useId, useState } from 'react';
import type { ConnectionTest, ProfileSummary } from '../../../core/contract/api';
import { useTranslation } from '../i18n';
import { AccountFields } from './AccountFields';
import { profileName } from './profile-name';
import { failureTold, service } from '../stores/service';
import { saidText, toldText } from '../i18n/said-text';

/** A connection test's outcome, in words, with each server's certificate and time. */
export function ConnectionResult({ test }: { test: ConnectionTest }) {
  const { t } = useTranslation();
  return (
    <div
      role="status"
      className={test.ok ? 'ok' : 'error'}
      data-testid={`connection-${test.profile}`}
    >
      <p>{saidText(t, test.summarySaid, test.summary)}</p>
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
                  : saidText(t, server.said, server.error ?? ''),
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
            setError(toldText(t, failureTold(failure)));
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
          setMessage(outcome.ok ? t('settings.saved') : toldText(t, outcome));
          setPassword('');
          onSaved();
        } catch (error) {
          setMessage(toldText(t, failureTold(error)));
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
        <AccountFields
          id={id}
          user={user}
          password={password}
          onUser={setUser}
          onPassword={setPassword}
          kept={profile.passwordKept}
          hasPassword={profile.hasPassword}
        />
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
