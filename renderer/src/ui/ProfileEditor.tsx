import { useId, useState } from 'react';
import type { ConnectionTest, ProfileSummary } from '../../../core/contract/api';
import { errorWords, service } from '../stores/service';

/** A connection test's outcome, in words, with each server's certificate and time. */
export function ConnectionResult({ test }: { test: ConnectionTest }) {
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
              Server {server.name} ({server.host}:{server.port}):{' '}
              {server.ok ? `answered in ${Math.round(server.ms)} ms` : server.error}
              {server.ok &&
                (server.fingerprint
                  ? `; encrypted, certificate fingerprint ${server.fingerprint}`
                  : server.encrypted
                    ? '; encrypted'
                    : '; not encrypted')}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Test connection: log in to each server and list the files, as a send would. */
export function TestConnection({ profile }: { profile: string }) {
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
        {testing ? 'Testing…' : 'Test connection'}
      </button>
      {testing && <p role="status">Logging in to each server…</p>}
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
      <h3>
        {profile.name}
        {profile.practice && <span className="tag"> Practice: nothing leaves this computer</span>}
      </h3>
      <ul>
        {profile.servers.map((server) => (
          <li key={server.name}>
            Server {server.name}: {server.host}:{server.port} (
            {server.security === 'ftps' ? 'encrypted' : 'not encrypted'}
            {server.fingerprint ? ', certificate pinned' : ''})
          </li>
        ))}
      </ul>
      {!profile.practice && (
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
              placeholder={profile.hasPassword ? 'set' : 'not set'}
              onChange={(event) => setPassword(event.currentTarget.value)}
            />
            <small>
              {profile.passwordKept === 'keychain'
                ? 'Kept encrypted in the system keychain.'
                : 'Password kept for this run only: give it again after Sendsheet restarts.'}
            </small>
          </div>
        </div>
      )}
      <div className="actions">
        {!profile.practice && <button type="submit">Save {profile.name}</button>}
        <TestConnection profile={profile.id} />
      </div>
      {message && <p role="status">{message}</p>}
    </form>
  );
}
