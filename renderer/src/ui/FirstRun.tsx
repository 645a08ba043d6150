import { useId, useState } from 'react';
import type { ConnectionTest } from '../../../core/contract/api';
import { useTranslation } from '../i18n';
import { useAppSettings } from '../stores/app-settings';
import { useSending } from '../stores/sending';
import { failureTold, service } from '../stores/service';
import { AccountFields } from './AccountFields';
import { ConnectionResult } from './ProfileEditor';
import { toldText } from '../i18n/said-text';
import type { Told } from '../i18n/said-text';

/** The person's provider account: user name and password, then a connection test. */
function ProviderAccount({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const profiles = useSending((state) => state.profiles);
  const update = useAppSettings((state) => state.update);
  const real = profiles.find((profile) => !profile.practice);
  const [user, setUser] = useState(real?.user ?? '');
  const [password, setPassword] = useState('');
  const [test, setTest] = useState<ConnectionTest | null>(null);
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<Told | null>(null);
  const id = useId();
  if (real === undefined) return <p className="error">{t('firstRun.noProfile')}</p>;
  const connect = async () => {
    setWorking(true);
    setError(null);
    setTest(null);
    try {
      const saved = await service().updateProfile({ profile: real.id, user, password });
      if (!saved.ok) {
        setError(saved);
        return;
      }
      setTest(await service().testConnection({ profile: real.id }));
    } catch (failure) {
      setError(failureTold(failure));
    } finally {
      setWorking(false);
    }
  };
  return (
    <form
      aria-label={t('firstRun.provider')}
      onSubmit={(event) => {
        event.preventDefault();
        void connect();
      }}
    >
      <p>{t('firstRun.account', { name: real.name })}</p>
      <AccountFields
        id={id}
        user={user}
        password={password}
        onUser={setUser}
        onPassword={setPassword}
        kept={real.passwordKept}
        required
      />
      <div className="actions">
        <button type="button" onClick={onBack}>
          {t('firstRun.back')}
        </button>
        <button type="submit" className="primary" disabled={working}>
          {working ? t('firstRun.testing') : t('firstRun.test')}
        </button>
        {test?.ok && (
          <button
            type="button"
            className="primary"
            onClick={() => void update({ setup: 'provider', profile: real.id })}
          >
            {t('firstRun.use')}
          </button>
        )}
      </div>
      {error && (
        <p className="error" role="alert">
          {toldText(t, error)}
        </p>
      )}
      {test && <ConnectionResult test={test} />}
    </form>
  );
}

/**
 * The first start: practice on this computer (nothing is ever sent to anyone), or the person's
 * own provider account. The choice can be changed in Settings at any time.
 */
export function FirstRun() {
  const { t } = useTranslation();
  const profiles = useSending((state) => state.profiles);
  const update = useAppSettings((state) => state.update);
  const [provider, setProvider] = useState(false);
  const practice = profiles.find((profile) => profile.practice);
  return (
    <section aria-labelledby="first-run-heading" className="panel first-run">
      <h2 id="first-run-heading">{t('firstRun.heading')}</h2>
      <p>{t('firstRun.question')}</p>
      {provider ? (
        <ProviderAccount onBack={() => setProvider(false)} />
      ) : (
        <div className="choices">
          <button
            type="button"
            className="choice"
            disabled={practice === undefined}
            onClick={() => practice && void update({ setup: 'practice', profile: practice.id })}
          >
            <strong>{t('firstRun.practice')}</strong>
            <span>{t('firstRun.practiceHelp')}</span>
          </button>
          <button type="button" className="choice" onClick={() => setProvider(true)}>
            <strong>{t('firstRun.provider')}</strong>
            <span>{t('firstRun.providerHelp')}</span>
          </button>
        </div>
      )}
    </section>
  );
}
