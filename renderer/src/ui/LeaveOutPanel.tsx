import { useState } from 'react';
import type { Bulk } from '../logic/left-out';
import { leftOutFile } from '../logic/left-out-file';
import type { LeftOutWords } from '../logic/left-out-file';
import { REASONS } from '../logic/left-out';
import type { Reason } from '../logic/left-out';
import { problemText } from '../i18n/problem-text';
import { warningText } from '../i18n/warning-text';
import { useCampaign } from '../stores/campaign';
import { useLeaveOut } from '../stores/leave-out';
import type { PreviewData } from './usePreview';
import { useTranslation } from '../i18n';
import { download } from './words';

const BULKS: readonly Bulk[] = ['cannotReceive', 'repeated', 'problem'];
const REASON_KEYS = {
  [REASONS.byHand]: 'byHand',
  [REASONS.cannotReceive]: 'cannotReceive',
  [REASONS.repeated]: 'repeated',
  [REASONS.problem]: 'problem',
} as const satisfies Record<Reason, string>;
/** Names, not words: the ending of the file of left-out rows. */
const LEFT_OUT_SUFFIX = '-left-out.csv';

/**
 * Only numbers that can receive: every row can be left out of the send (in the list below),
 * and here whole kinds of rows at once, each with its count; what is left out can be saved as a
 * spreadsheet, with the reason for each row, to fix.
 */
export function LeaveOutPanel({ data, fileName }: { data: PreviewData; fileName: string }) {
  const { t } = useTranslation();
  const leaveOut = useLeaveOut((state) => state.leaveOut);
  const putBack = useLeaveOut((state) => state.putBack);
  const format = useCampaign((state) => state.settings.format);
  const [saved, setSaved] = useState<string | null>(null);
  const { counts } = data;
  const rows = data.preview.rows;
  const save = () => {
    const words: LeftOutWords = {
      header: [
        t('leaveOut.file.row'),
        t('leaveOut.file.number'),
        t('leaveOut.file.message'),
        t('leaveOut.file.why'),
      ],
      reason: (row, reason) => {
        const why = t(`leaveOut.file.reasons.${REASON_KEYS[reason]}`);
        const found = [
          ...row.errors.map((problem) => problemText(t, problem)),
          ...row.warnings.map((warning) => warningText(t, warning)),
        ];
        return found.length === 0 ? why : t('leaveOut.file.found', { why, found: found.join(' ') });
      },
    };
    const file = leftOutFile(rows, data.leftOut, format, words);
    const name = fileName.replace(/\.[^.]+$/, '') + LEFT_OUT_SUFFIX;
    download(name, file.bytes);
    setSaved(t('leaveOut.saved', { name, count: file.rows }));
  };
  return (
    <section aria-labelledby="leave-out-heading" className="panel">
      <h2 id="leave-out-heading">{t('leaveOut.heading')}</h2>
      <p data-testid="left-out-count">
        {counts.leftOut === 0 ? t('leaveOut.none') : t('leaveOut.some', { count: counts.leftOut })}
      </p>
      <div className="actions">
        {BULKS.map((which) => {
          const n = counts[which];
          return (
            <button
              key={which}
              type="button"
              disabled={n === 0}
              onClick={() => leaveOut(rows, which)}
            >
              {t(`leaveOut.bulk.${which}`, { count: n })}
            </button>
          );
        })}
        {counts.leftOut > 0 && (
          <>
            <button type="button" onClick={putBack}>
              {t('leaveOut.putBack', { count: counts.leftOut })}
            </button>
            <button type="button" onClick={save}>
              {t('leaveOut.save')}
            </button>
          </>
        )}
      </div>
      {saved && <p role="status">{saved}</p>}
    </section>
  );
}
