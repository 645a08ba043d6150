import { useId, useState } from 'react';
import { normaliseNumber } from '../logic/phone';
import { useAppSettings } from '../stores/app-settings';
import { useSettings } from '../stores/settings';

/** The person's own mobile number, where "Send a test to me" sends. */
export function OwnNumber() {
  const saved = useAppSettings((state) => state.settings?.ownNumber ?? '');
  const update = useAppSettings((state) => state.update);
  const country = useSettings((state) => state.defaultCountry);
  const [typed, setTyped] = useState(saved);
  const [message, setMessage] = useState<string | null>(null);
  const id = useId();
  const save = async () => {
    if (typed.trim() === '') {
      setMessage((await update({ ownNumber: '' })) ?? 'Removed.');
      return;
    }
    const number = normaliseNumber(typed, country);
    if (number.verdict !== 'mobile') {
      setMessage(number.note ?? 'This is not a mobile number.');
      return;
    }
    setMessage((await update({ ownNumber: number.msisdn })) ?? `Saved: ${number.msisdn}.`);
  };
  return (
    <form
      className="field"
      aria-label="Your own number"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label htmlFor={`${id}-own`}>Your own mobile number</label>
      <input
        id={`${id}-own`}
        value={typed}
        autoComplete="tel"
        inputMode="tel"
        onChange={(event) => setTyped(event.currentTarget.value)}
      />
      <small>Where "Send a test to me" sends a message first, for you to see it.</small>
      <button type="submit">Save my number</button>
      {message && <p role="status">{message}</p>}
    </form>
  );
}
