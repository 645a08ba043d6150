import type { PasswordKeeping } from '../../../core/contract/api';
import { useTranslation } from '../i18n';

/**
 * A provider account's user name and password, as first run and Settings both ask for them,
 * with where the password is kept said under it: a person deciding whether to type it deserves
 * to know.
 */
export function AccountFields({
  id,
  user,
  password,
  onUser,
  onPassword,
  kept,
  hasPassword,
  required = false,
}: {
  id: string;
  user: string;
  password: string;
  onUser: (user: string) => void;
  onPassword: (password: string) => void;
  kept: PasswordKeeping;
  /** Whether a password is set already (Settings shows it in the empty field). */
  hasPassword?: boolean;
  required?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="fields">
      <div className="field">
        <label htmlFor={`${id}-user`}>{t('settings.user')}</label>
        <input
          id={`${id}-user`}
          value={user}
          required={required}
          autoComplete="username"
          onChange={(event) => onUser(event.currentTarget.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-password`}>{t('settings.password')}</label>
        <input
          id={`${id}-password`}
          type="password"
          value={password}
          required={required}
          autoComplete="current-password"
          placeholder={
            hasPassword === undefined
              ? undefined
              : hasPassword
                ? t('settings.passwordSet')
                : t('settings.passwordNotSet')
          }
          onChange={(event) => onPassword(event.currentTarget.value)}
        />
        <small>
          {kept === 'keychain'
            ? t('settings.passwordInKeychain')
            : t('settings.passwordForThisRun')}
        </small>
      </div>
    </div>
  );
}
