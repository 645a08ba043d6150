import { useEffect, useState } from 'react';
import type { Batch } from '../../../core/contract/api';
import { sumCosts } from '../../../core/cost';
import { useHistory } from '../stores/history';
import { BatchView, stateWords } from './Timeline';
import { count, dateTime, money } from './words';

/** The batches of one send (one campaign), as History shows it: one line, opened to its batches. */
interface Campaign {
  id: string;
  batches: Batch[];
  at: string;
}

/** Batches by campaign, the latest send first; batches in the order of their files. */
export function campaignsOf(batches: readonly Batch[]): Campaign[] {
  const byId = new Map<string, Campaign>();
  for (const batch of batches) {
    const at = batch.times.uploading ?? '';
    let campaign = byId.get(batch.campaign);
    if (campaign === undefined) {
      campaign = { id: batch.campaign, batches: [], at };
      byId.set(batch.campaign, campaign);
    }
    campaign.batches.push(batch);
    if (at < campaign.at) campaign.at = at;
  }
  const campaigns = [...byId.values()];
  for (const campaign of campaigns)
    campaign.batches.sort((a, b) => a.fileName.localeCompare(b.fileName));
  return campaigns.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

/** The outcome of a campaign: its batches' one state, or how many are in each. */
function outcome(campaign: Campaign): string {
  const states = new Map<string, number>();
  for (const batch of campaign.batches)
    states.set(stateWords(batch), (states.get(stateWords(batch)) ?? 0) + 1);
  if (states.size === 1) return [...states.keys()][0]!;
  return [...states].map(([words, n]) => `${n} ${words}`).join('; ');
}

function CampaignRow({
  campaign,
  open,
  onToggle,
}: {
  campaign: Campaign;
  open: boolean;
  onToggle: () => void;
}) {
  const { batches } = campaign;
  const first = batches[0]!;
  const name =
    batches.length === 1 ? first.fileName : `${first.fileName} and ${batches.length - 1} more`;
  const cost = sumCosts(batches.map((batch) => batch.cost));
  return (
    <tr className={`state-${first.state}`}>
      <td>{dateTime(campaign.at)}</td>
      <td>
        {name}
        {first.test && <span className="tag"> Test</span>}
        {first.practice && <span className="tag"> Practice</span>}
      </td>
      <td>{batches.reduce((n, b) => n + b.rows, 0).toLocaleString()}</td>
      <td>{batches.reduce((n, b) => n + b.parts, 0).toLocaleString()}</td>
      <td>{cost ? money(cost) : ''}</td>
      <td data-testid="campaign-outcome">{outcome(campaign)}</td>
      <td>
        <button type="button" aria-expanded={open} onClick={onToggle}>
          {open ? 'Hide' : 'Details'}
          <span className="visually-hidden"> of {name}</span>
        </button>
      </td>
    </tr>
  );
}

export function HistoryScreen() {
  const batches = useHistory((state) => state.batches);
  const error = useHistory((state) => state.error);
  const load = useHistory((state) => state.load);
  const clear = useHistory((state) => state.clear);
  const listen = useHistory((state) => state.listen);
  const [open, setOpen] = useState<string | null>(null);
  // Live: a batch reconciled, tried again or followed to its end changes here as it goes.
  useEffect(() => {
    const stop = listen();
    void load();
    return stop;
  }, [load, listen]);
  const campaigns = campaignsOf(batches);
  const chosen = campaigns.find((campaign) => campaign.id === open);
  return (
    <section aria-labelledby="history-heading" className="panel">
      <h2 id="history-heading">History</h2>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {campaigns.length === 0 ? (
        <p>Nothing has been sent yet.</p>
      ) : (
        <>
          <table className="history">
            <thead>
              <tr>
                <th>Sent</th>
                <th>File</th>
                <th>Messages</th>
                <th>Parts</th>
                <th>Estimated cost</th>
                <th>Outcome</th>
                <th>
                  <span className="visually-hidden">Details</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {campaigns.map((campaign) => (
                <CampaignRow
                  key={campaign.id}
                  campaign={campaign}
                  open={open === campaign.id}
                  onToggle={() => setOpen(open === campaign.id ? null : campaign.id)}
                />
              ))}
            </tbody>
          </table>
          {chosen && (
            <div data-testid="campaign-batches">
              <p>{count(chosen.batches.length, 'file')} in this send:</p>
              {chosen.batches.map((batch) => (
                <BatchView key={batch.id} batch={batch} />
              ))}
            </div>
          )}
          <p>
            <button
              type="button"
              onClick={() => {
                if (
                  window.confirm(
                    'Clear the history of finished batches? The files on the server are not touched.',
                  )
                )
                  void clear();
              }}
            >
              Clear history
            </button>
          </p>
        </>
      )}
    </section>
  );
}
