import type { Cost } from '../../../core/cost';
import type { Totals } from '../logic/totals';
import { useCampaign } from '../stores/campaign';
import { count, money } from './words';

function PartsChart({ histogram }: { histogram: number[] }) {
  const max = Math.max(1, ...histogram);
  let last = histogram.length - 1;
  while (last >= 0 && histogram[last] === 0) last--;
  const shown = histogram.slice(0, Math.max(last + 1, 3));
  return (
    <figure className="chart">
      <figcaption>SMS parts per message</figcaption>
      <table className="visually-hidden">
        <thead>
          <tr>
            <th>Parts</th>
            <th>Messages</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((n, i) => (
            <tr key={i}>
              <td>{i + 1}</td>
              <td>{n}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="bars" aria-hidden="true">
        {shown.map((n, i) => (
          <div
            key={i}
            className="bar-column"
            title={`${count(n, 'message')} in ${count(i + 1, 'part')}`}
          >
            <span className="bar-value">{n.toLocaleString('en-US')}</span>
            <div className="bar" style={{ height: `${(n / max) * 60}px` }} />
            <span className="bar-label">{i + 1 === histogram.length ? `${i + 1}+` : i + 1}</span>
          </div>
        ))}
      </div>
    </figure>
  );
}

export function TotalsPanel({ totals, cost }: { totals: Totals; cost: Cost | null }) {
  const replaced = useCampaign((state) => state.settings.replaceLookalikes);
  const update = useCampaign((state) => state.update);
  return (
    <section aria-labelledby="totals-heading" className="panel totals">
      <h2 id="totals-heading">4. Check the messages</h2>
      <dl className="figures" data-testid="totals">
        <div>
          <dt>Recipients</dt>
          <dd data-testid="total-recipients">{totals.recipients.toLocaleString('en-US')}</dd>
        </div>
        <div>
          <dt>SMS parts</dt>
          <dd data-testid="total-parts">{totals.parts.toLocaleString('en-US')}</dd>
        </div>
        <div>
          <dt>Messages with special characters (UCS-2)</dt>
          <dd data-testid="total-ucs2">{totals.ucs2.toLocaleString('en-US')}</dd>
        </div>
        <div>
          <dt>Messages with problems</dt>
          <dd
            data-testid="total-errors"
            className={totals.rowsWithErrors > 0 ? 'error' : undefined}
          >
            {totals.rowsWithErrors.toLocaleString('en-US')}
          </dd>
        </div>
        <div>
          <dt>Warnings</dt>
          <dd>{totals.rowsWithWarnings.toLocaleString('en-US')}</dd>
        </div>
        <div>
          <dt>Left out</dt>
          <dd data-testid="total-left-out">{totals.leftOut.toLocaleString('en-US')}</dd>
        </div>
        <div>
          <dt>Estimated cost</dt>
          <dd data-testid="total-cost">{cost ? money(cost) : '—'}</dd>
        </div>
      </dl>
      {cost === null && (
        <p className="note">Add your price per SMS part in Settings to see what a send costs.</p>
      )}
      <PartsChart histogram={totals.partsHistogram} />
      {totals.fixable > 0 && (
        <div className="fix" role="region" aria-label="Replace look-alike characters">
          <p>
            {count(totals.fixable, 'message')} {totals.fixable === 1 ? 'uses' : 'use'} characters
            like curly quotes or long dashes that make them special-character (UCS-2) messages.
            Replacing them with plain look-alikes saves{' '}
            <strong data-testid="parts-saved">{count(totals.partsSaved, 'SMS part')}</strong>.
          </p>
          <button type="button" onClick={() => update({ replaceLookalikes: true })}>
            Replace look-alikes (saves {count(totals.partsSaved, 'part')})
          </button>
        </div>
      )}
      {replaced && (
        <p className="note">
          Look-alike characters are replaced.{' '}
          <button
            type="button"
            className="link"
            onClick={() => update({ replaceLookalikes: false })}
          >
            Undo
          </button>
        </p>
      )}
    </section>
  );
}
