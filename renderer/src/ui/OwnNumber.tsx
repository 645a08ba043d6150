import { useId, useState } from 'react';
import { normaliseNumber } from '../logic/phone';
import { useLocale, useTranslation } from '../i18n';
import { toldText } from '../i18n/said-text';
import { phoneText } from '../i18n/phone-text';
import { useAppSettings } from '../stores/app-settings';
import { useSettings } from '../stores/settings';

/** The person's own mobile number, where "Send a test to me" sends. */
export function OwnNumber() {
  const { t } = useTranslation();
  const locale = useLocale();
  const saved = useAppSettings((state) => state.settings?.ownNumber ?? '');
  const update = useAppSettings((state) => state.update);
  const country = useSettings((state) => state.defaultCountry);
  const [typed, setTyped] = useState(saved);
  const [message, setMessage] = useState<string | null>(null);
  const id = useId();
  const save = async () => {
    if (typed.trim() === '') {
      const failed = await update({ ownNumber: '' });
      setMessage(failed ? toldText(t, failed) : t('ownNumber.removed'));
      return;
    }
    const number = normaliseNumber(typed, country);
    if (number.verdict !== 'mobile') {
      setMessage(phoneText(t, typed.trim(), number, locale) ?? t('ownNumber.notMobile'));
      return;
    }
    const failed = await update({ ownNumber: number.msisdn });
    setMessage(failed ? toldText(t, failed) : t('ownNumber.saved', { number: number.msisdn }));
  };
  return (
    <form
      className="field"
      aria-label={t('ownNumber.form')}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label htmlFor={`${id}-own`}>{t('ownNumber.label')}</label>
      <input
        id={`${id}-own`}
        value={typed}
        autoComplete="tel"
        inputMode="tel"
        onChange={(event) => setTyped(event.currentTarget.value)}
      />
      <small>{t('ownNumber.help')}</small>
      <button type="submit">{t('ownNumber.save')}</button>
      {message && <p role="status">{message}</p>}
    </form>
  );
}
