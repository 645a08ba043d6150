import { useState } from 'react';
import type { Bulk } from '../logic/left-out';
import { leftOutFile } from '../logic/left-out-file';
import { useCampaign } from '../stores/campaign';
import { useLeaveOut } from '../stores/leave-out';
import type { PreviewData } from './usePreview';
import { count, download } from './words';

const BULK_WORDS: Record<Bulk, [string, string]> = {
  cannotReceive: ['row that cannot receive an SMS', 'rows that cannot receive an SMS'],
  repeated: ['repeated number', 'repeated numbers'],
  problem: ['row with problems', 'rows with problems'],
};

/**
 * Only numbers that can receive: every row can be left out of the send (in the list below),
 * and here whole kinds of rows at once, each with its count; what is left out can be saved as a
 * spreadsheet, with the reason for each row, to fix.
 */
export function LeaveOutPanel({ data, fileName }: { data: PreviewData; fileName: string }) {
  const leaveOut = useLeaveOut((state) => state.leaveOut);
  const putBack = useLeaveOut((state) => state.putBack);
  const format = useCampaign((state) => state.settings.format);
  const [saved, setSaved] = useState<string | null>(null);
  const { counts } = data;
  const rows = data.preview.rows;
  const save = () => {
    const file = leftOutFile(rows, data.leftOut, format);
    const name = `${fileName.replace(/\.[^.]+$/, '')}-left-out.csv`;
    download(name, file.bytes);
    setSaved(`Saved ${name}: ${count(file.rows, 'row')} with the reason for each.`);
  };
  return (
    <section aria-labelledby="leave-out-heading" className="panel">
      <h2 id="leave-out-heading">Rows to send</h2>
      <p data-testid="left-out-count">
        {counts.leftOut === 0
          ? 'Every row is sent. Untick a row in the list below to leave it out.'
          : `${count(counts.leftOut, 'row is', 'rows are')} left out of the send.`}
      </p>
      <div className="actions">
        {(Object.keys(BULK_WORDS) as Bulk[]).map((which) => {
          const n = counts[which];
          const [one, many] = BULK_WORDS[which];
          return (
            <button
              key={which}
              type="button"
              disabled={n === 0}
              onClick={() => leaveOut(rows, which)}
            >
              Leave out {count(n, one, many)}
            </button>
          );
        })}
        {counts.leftOut > 0 && (
          <>
            <button type="button" onClick={putBack}>
              Put back all {count(counts.leftOut, 'row')}
            </button>
            <button type="button" onClick={save}>
              Save the left-out rows as a spreadsheet
            </button>
          </>
        )}
      </div>
      {saved && <p role="status">{saved}</p>}
    </section>
  );
}
