import { useId } from 'react';
import type { Format } from '../../../core/check';
import type { Column } from '../../../core/header';
import { describeSender } from '../../../core/values';
import type { ExportEncoding } from '../../../core/writer';
import { useTranslation } from '../i18n';
import { problemText } from '../i18n/problem-text';
import type { MessageClassChoice } from '../logic/campaign-settings';
import { useCampaign } from '../stores/campaign';

/** The provider's advice on how many messages one file should hold. */
const RECOMMENDED_ROWS = 10_000;

const ENCODINGS: readonly ExportEncoding[] = ['auto', 'utf8', 'cp1252'];
const FORMATS: readonly Format[] = ['excel', 'standard'];

const SENDER_COLUMN: Column = 'sender';

export function CampaignPanel() {
  const { t } = useTranslation();
  const settings = useCampaign((state) => state.settings);
  const update = useCampaign((state) => state.update);
  const id = useId();
  const sender = describeSender(settings.sender);
  const senderError =
    sender === null
      ? null
      : problemText(t, { code: 'bad-sender', column: SENDER_COLUMN, ...sender });
  return (
    <section aria-labelledby="campaign-heading" className="panel">
      <h2 id="campaign-heading">{t('campaign.heading')}</h2>
      <div className="fields">
        <div className="field">
          <label htmlFor={`${id}-sender`}>{t('campaign.sender')}</label>
          <input
            id={`${id}-sender`}
            value={settings.sender}
            placeholder={t('campaign.senderPlaceholder')}
            aria-invalid={senderError !== null}
            aria-describedby={`${id}-sender-help`}
            onChange={(event) => update({ sender: event.currentTarget.value })}
          />
          <small id={`${id}-sender-help`} className={senderError ? 'error' : undefined}>
            {senderError ?? t('campaign.senderHelp')}
          </small>
        </div>
        <div className="field">
          <label htmlFor={`${id}-class`}>{t('campaign.class')}</label>
          <select
            id={`${id}-class`}
            value={settings.messageClass}
            onChange={(event) =>
              update({ messageClass: event.currentTarget.value as MessageClassChoice })
            }
          >
            <option value="">{t('campaign.classes.standard')}</option>
            <option value="premium">{t('campaign.classes.premium')}</option>
            <option value="secret">{t('campaign.classes.secret')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-encoding`}>{t('campaign.encoding')}</label>
          <select
            id={`${id}-encoding`}
            value={settings.encoding}
            onChange={(event) => update({ encoding: event.currentTarget.value as ExportEncoding })}
          >
            {ENCODINGS.map((encoding) => (
              <option key={encoding} value={encoding}>
                {t(`campaign.encodings.${encoding}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-format`}>{t('campaign.format')}</label>
          <select
            id={`${id}-format`}
            value={settings.format}
            onChange={(event) => update({ format: event.currentTarget.value as Format })}
          >
            {FORMATS.map((format) => (
              <option key={format} value={format}>
                {t(`campaign.formats.${format}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-rows`}>{t('campaign.rowsPerFile')}</label>
          <input
            id={`${id}-rows`}
            type="number"
            min={1}
            max={1_000_000}
            value={settings.rowsPerFile}
            aria-describedby={`${id}-rows-help`}
            onChange={(event) => {
              const value = Math.floor(Number(event.currentTarget.value));
              if (value >= 1) update({ rowsPerFile: value });
            }}
          />
          <small id={`${id}-rows-help`}>{t('campaign.rowsHelp', { rows: RECOMMENDED_ROWS })}</small>
        </div>
      </div>
    </section>
  );
}
