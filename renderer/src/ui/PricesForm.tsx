import { useId, useState } from 'react';
import type { Prices } from '../../../core/cost';
import { useLocale, useTranslation } from '../i18n';
import { useAppSettings } from '../stores/app-settings';
import { useCountries } from './countries';
import { formatNumber, money } from './words';
import { toldText } from '../i18n/said-text';

interface Row {
  code: string;
  price: string;
}

/** A price as typed, with a comma or a point: a number of 0 or more, or null. */
function amount(text: string): number | null {
  const value = Number(text.trim().replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(value) && value >= 0 ? value : null;
}

/**
 * The cost known first: what one SMS part costs (a message of 160 plain characters is one part),
 * in the person's currency, and optionally another price for numbers of some countries.
 */
export function PricesForm() {
  const { t } = useTranslation();
  const locale = useLocale();
  const countries = useCountries();
  const prices = useAppSettings((state) => state.settings?.prices ?? null);
  const update = useAppSettings((state) => state.update);
  const [currency, setCurrency] = useState(prices?.currency ?? 'DKK');
  const [perPart, setPerPart] = useState(prices ? String(prices.perPart) : '');
  const [rows, setRows] = useState<Row[]>(
    prices?.byCountry.map((p) => ({ code: p.code, price: String(p.perPart) })) ?? [],
  );
  const [message, setMessage] = useState<string | null>(null);
  const id = useId();

  const save = async () => {
    const code = currency.trim().toUpperCase();
    const one = amount(perPart);
    if (!/^[A-Z]{3}$/.test(code)) return setMessage(t('prices.badCurrency'));
    if (one === null) return setMessage(t('prices.badPrice', { example: 0.25 }));
    const byCountry: Prices['byCountry'] = [];
    for (const row of rows) {
      const price = amount(row.price);
      if (price === null) return setMessage(t('prices.badCountryPrice', { example: 0.25 }));
      byCountry.push({ code: row.code, perPart: price });
    }
    const failed = await update({ prices: { currency: code, perPart: one, byCountry } });
    setMessage(
      failed
        ? toldText(t, failed)
        : t('prices.saved', { price: money({ amount: one, currency: code }, locale) }),
    );
  };

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('prices.heading')}</h2>
      <p>{t('prices.intro')}</p>
      <div className="fields">
        <div className="field">
          <label htmlFor={`${id}-currency`}>{t('prices.currency')}</label>
          <input
            id={`${id}-currency`}
            value={currency}
            maxLength={3}
            onChange={(event) => setCurrency(event.currentTarget.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-part`}>{t('prices.perPart')}</label>
          <input
            id={`${id}-part`}
            inputMode="decimal"
            value={perPart}
            placeholder={formatNumber(0.25, locale)}
            onChange={(event) => setPerPart(event.currentTarget.value)}
          />
        </div>
      </div>
      {rows.map((row, index) => (
        <div className="fields" key={index}>
          <div className="field">
            <label htmlFor={`${id}-country-${index}`}>{t('prices.country')}</label>
            <select
              id={`${id}-country-${index}`}
              value={row.code}
              onChange={(event) => {
                const code = event.currentTarget.value;
                setRows(rows.map((r, i) => (i === index ? { ...r, code } : r)));
              }}
            >
              {countries.map((country) => (
                <option key={country.code} value={country.callingCode}>
                  {country.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-country-price-${index}`}>{t('prices.countryPerPart')}</label>
            <input
              id={`${id}-country-price-${index}`}
              inputMode="decimal"
              value={row.price}
              onChange={(event) => {
                const price = event.currentTarget.value;
                setRows(rows.map((r, i) => (i === index ? { ...r, price } : r)));
              }}
            />
          </div>
          <button type="button" onClick={() => setRows(rows.filter((_, i) => i !== index))}>
            {t('prices.remove')}
            <span className="visually-hidden">{t('prices.removeWhat')}</span>
          </button>
        </div>
      ))}
      <div className="actions">
        <button type="button" onClick={() => setRows([...rows, { code: '45', price: '' }])}>
          {t('prices.add')}
        </button>
        <button type="button" className="primary" onClick={() => void save()}>
          {t('prices.save')}
        </button>
      </div>
      {message && <p role="status">{message}</p>}
    </section>
  );
}
