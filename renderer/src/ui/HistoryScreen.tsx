import { useEffect, useState } from 'react';
import type { Batch } from '../../../core/contract/api';
import { sumCosts } from '../../../core/cost';
import { useLocale, useTranslation } from '../i18n';
import { toldText } from '../i18n/said-text';
import { useHistory } from '../stores/history';
import { Icon } from './icons';
import { BatchView, outcomeWords, STATE_ICONS, useBatchName } from './Timeline';
import { formatDateTime, formatList, formatNumber, money } from './words';

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
function Outcome({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const states = new Map<string, { batch: Batch; n: number }>();
  for (const batch of campaign.batches) {
    const words = outcomeWords(t, batch);
    const seen = states.get(words);
    states.set(words, { batch: seen?.batch ?? batch, n: (seen?.n ?? 0) + 1 });
  }
  const first = campaign.batches[0]!;
  if (states.size === 1) {
    return (
      <td data-testid="campaign-outcome" data-state={first.state}>
        <Icon name={STATE_ICONS[first.state]} decorative /> {[...states.keys()][0]}
      </td>
    );
  }
  const parts = [...states].map(([words, { n }]) => t('history.statesCount', { count: n, words }));
  return (
    <td data-testid="campaign-outcome" data-state="mixed">
      {formatList(parts, locale)}
    </td>
  );
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
  const { t } = useTranslation();
  const locale = useLocale();
  const nameOf = useBatchName();
  const { batches } = campaign;
  const first = batches[0]!;
  const name =
    batches.length === 1
      ? nameOf(first)
      : t('history.andMore', { name: nameOf(first), count: batches.length - 1 });
  const cost = sumCosts(batches.map((batch) => batch.cost));
  return (
    <tr className={`state-${first.state}`}>
      <td>{campaign.at ? formatDateTime(new Date(campaign.at), locale) : ''}</td>
      <td>
        {name}
        {first.test && <span className="tag"> {t('history.testTag')}</span>}
        {first.practice && <span className="tag"> {t('practice.tag')}</span>}
      </td>
      <td>
        {formatNumber(
          batches.reduce((n, b) => n + b.rows, 0),
          locale,
        )}
      </td>
      <td>
        {formatNumber(
          batches.reduce((n, b) => n + b.parts, 0),
          locale,
        )}
      </td>
      <td>{cost ? money(cost, locale) : ''}</td>
      <Outcome campaign={campaign} />
      <td>
        <button type="button" aria-expanded={open} onClick={onToggle}>
          {open ? t('history.hide') : t('history.details')}
          <span className="visually-hidden">{t('history.of', { name })}</span>
        </button>
      </td>
    </tr>
  );
}

export function HistoryScreen() {
  const { t } = useTranslation();
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
      <h2 id="history-heading">{t('history.heading')}</h2>
      {error && (
        <p className="error" role="alert">
          {toldText(t, error)}
        </p>
      )}
      {campaigns.length === 0 ? (
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
                <th>{t('history.columns.cost')}</th>
                <th>{t('history.columns.outcome')}</th>
                <th>
                  <span className="visually-hidden">{t('history.columns.details')}</span>
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
              <p>{t('history.files', { count: chosen.batches.length })}</p>
              {chosen.batches.map((batch) => (
                <BatchView key={batch.id} batch={batch} />
              ))}
            </div>
          )}
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
