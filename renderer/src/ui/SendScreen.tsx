import { memo } from 'react';
import { CampaignPanel } from './CampaignPanel';
import { LeaveOutPanel as LeaveOutPanelOf } from './LeaveOutPanel';
import { MappingPanel as MappingPanelOf } from './MappingPanel';
import { hasRows, OpenFile as OpenFileOf } from './OpenFile';
import { PreviewTable as PreviewTableOf } from './PreviewTable';
import { SendPanel } from './SendPanel';
import { TotalsPanel as TotalsPanelOf } from './TotalsPanel';
import { usePreview } from './usePreview';
import { selectSheet, useFile } from '../stores/file';

// A keystroke in the campaign's settings gives these the same props (the verdict's, kept while
// a sender is typed: see preview-verdict.ts), so they do nothing: the list and its virtualizer
// above all, whose lines and layout were most of a keystroke's frame at 100,000 rows. The
// keystroke's own frame, before the preview follows it (usePreview), gives every panel the same
// props: only the campaign's fields and the send panel (which waits for the preview) render.
const MappingPanel = memo(MappingPanelOf);
const TotalsPanel = memo(TotalsPanelOf);
const PreviewTable = memo(PreviewTableOf);
const OpenFile = memo(OpenFileOf);
const LeaveOutPanel = memo(LeaveOutPanelOf);

/**
 * The main flow: open, map, check, set, export or send, follow. A sheet without rows has
 * nothing to map or send: OpenFile says why, and the steps after it wait for a file that has.
 */
export function SendScreen() {
  const data = usePreview();
  const rows = useFile((state) => hasRows(selectSheet(state)));
  const fileName = useFile((state) => (state.file.status === 'ready' ? state.file.fileName : ''));
  return (
    <>
      <OpenFile />
      {data && rows && (
        <>
          <MappingPanel unknownPlaceholders={data.preview.unknownPlaceholders} />
          <CampaignPanel />
          <TotalsPanel totals={data.totals} cost={data.cost} />
          <LeaveOutPanel data={data} fileName={fileName} />
          <SendPanel data={data} />
          <PreviewTable rows={data.shown} leftOut={data.leftOut} standings={data.standings} />
        </>
      )}
    </>
  );
}
