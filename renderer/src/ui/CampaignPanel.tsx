import { useId } from 'react';
import { senderProblem } from '../../../core/values';
import { useCampaign } from '../stores/campaign';
import type { MessageClassChoice } from '../logic/campaign-settings';
import type { ExportEncoding } from '../../../core/writer';
import type { Format } from '../../../core/check';

export function CampaignPanel() {
  const settings = useCampaign((state) => state.settings);
  const update = useCampaign((state) => state.update);
  const id = useId();
  const senderError = senderProblem(settings.sender);
  return (
    <section aria-labelledby="campaign-heading" className="panel">
      <h2 id="campaign-heading">3. Settings for this campaign</h2>
      <div className="fields">
        <div className="field">
          <label htmlFor={`${id}-sender`}>Sender</label>
          <input
            id={`${id}-sender`}
            value={settings.sender}
            placeholder="Your account's default"
            aria-invalid={senderError !== null}
            aria-describedby={`${id}-sender-help`}
            onChange={(event) => update({ sender: event.currentTarget.value })}
          />
          <small id={`${id}-sender-help`} className={senderError ? 'error' : undefined}>
            {senderError ?? 'Where the sender column is empty. Up to 11 letters or 15 digits.'}
          </small>
        </div>
        <div className="field">
          <label htmlFor={`${id}-class`}>Class</label>
          <select
            id={`${id}-class`}
            value={settings.messageClass}
            onChange={(event) =>
              update({ messageClass: event.currentTarget.value as MessageClassChoice })
            }
          >
            <option value="">Standard</option>
            <option value="premium">Premium</option>
            <option value="secret">Secret</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-encoding`}>File encoding</label>
          <select
            id={`${id}-encoding`}
            value={settings.encoding}
            onChange={(event) => update({ encoding: event.currentTarget.value as ExportEncoding })}
          >
            <option value="auto">Automatic (recommended)</option>
            <option value="utf8">Always UTF-8</option>
            <option value="cp1252">Always Windows-1252</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-format`}>File format</label>
          <select
            id={`${id}-format`}
            value={settings.format}
            onChange={(event) => update({ format: event.currentTarget.value as Format })}
          >
            <option value="excel">Excel (semicolons)</option>
            <option value="standard">Standard CSV (commas)</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-rows`}>Messages per file</label>
          <input
            id={`${id}-rows`}
            type="number"
            min={1}
            max={1_000_000}
            value={settings.rowsPerFile}
            onChange={(event) => {
              const value = Math.floor(Number(event.currentTarget.value));
              if (value >= 1) update({ rowsPerFile: value });
            }}
          />
          <small>The provider recommends 10,000.</small>
        </div>
      </div>
    </section>
  );
}
