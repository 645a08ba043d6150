import { useEffect, useState } from 'react';
import { useLocale, useTranslation } from '../i18n';
import { useHistory } from '../stores/history';
import { Icon } from './icons';
import { BatchView, STATE_ICONS, useBatchName } from './Timeline';
import { formatDateTime, formatNumber } from './words';

export function HistoryScreen() {
  const { t } = useTranslation();
  const locale = useLocale();
  const nameOf = useBatchName();
  const batches = useHistory((state) => state.batches);
  const error = useHistory((state) => state.error);
  const load = useHistory((state) => state.load);
  const clear = useHistory((state) => state.clear);
  const [open, setOpen] = useState<string | null>(null);
  useEffect(() => void load(), [load]);
  const chosen = batches.find((batch) => batch.id === open);
  return (
    <section aria-labelledby="history-heading" className="panel">
      <h2 id="history-heading">{t('history.heading')}</h2>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {batches.length === 0 ? (
        <p>{t('history.empty')}</p>
      ) : (
        <>
          <table className="history">
            <thead>
              <tr>
                <th>{t('history.columns.sent')}</th>
                <th>{t('history.columns.file')}</th>
                <th>{t('history.columns.messages')}</th>
                <th>{t('history.columns.parts')}</th>
                <th>{t('history.columns.outcome')}</th>
                <th>
                  <span className="visually-hidden">{t('history.columns.details')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {batches.map((batch) => (
                <tr key={batch.id} className={`state-${batch.state}`}>
                  <td>
                    {batch.times.uploading
                      ? formatDateTime(new Date(batch.times.uploading), locale)
                      : ''}
                  </td>
                  <td>{nameOf(batch)}</td>
                  <td>{formatNumber(batch.rows, locale)}</td>
                  <td>{formatNumber(batch.parts, locale)}</td>
                  <td data-testid="history-outcome" data-state={batch.state}>
                    <Icon name={STATE_ICONS[batch.state]} decorative />{' '}
                    {t(`batch.outcomes.${batch.state}`)}
                  </td>
                  <td>
                    <button
                      type="button"
                      aria-expanded={open === batch.id}
                      onClick={() => setOpen(open === batch.id ? null : batch.id)}
                    >
                      {open === batch.id ? t('history.hide') : t('history.details')}
                      <span className="visually-hidden">
                        {t('history.of', { name: nameOf(batch) })}
                      </span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {chosen && <BatchView batch={chosen} />}
          <p>
            <button
              type="button"
              onClick={() => {
                if (window.confirm(t('history.confirmClear'))) void clear();
              }}
            >
              {t('history.clear')}
            </button>
          </p>
        </>
      )}
    </section>
  );
}
