import { CampaignPanel } from './CampaignPanel';
import { LeaveOutPanel } from './LeaveOutPanel';
import { MappingPanel } from './MappingPanel';
import { hasRows, OpenFile } from './OpenFile';
import { PreviewTable } from './PreviewTable';
import { SendPanel } from './SendPanel';
import { TotalsPanel } from './TotalsPanel';
import { usePreview } from './usePreview';
import { selectSheet, useFile } from '../stores/file';

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
          <PreviewTable rows={data.preview.rows} leftOut={data.leftOut} />
        </>
      )}
    </>
  );
}
