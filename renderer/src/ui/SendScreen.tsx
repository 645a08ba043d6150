import { CampaignPanel } from './CampaignPanel';
import { LeaveOutPanel } from './LeaveOutPanel';
import { MappingPanel } from './MappingPanel';
import { OpenFile } from './OpenFile';
import { PreviewTable } from './PreviewTable';
import { SendPanel } from './SendPanel';
import { TotalsPanel } from './TotalsPanel';
import { usePreview } from './usePreview';
import { useFile } from '../stores/file';

/** The main flow: open, map, check, set, export or send, follow. */
export function SendScreen() {
  const data = usePreview();
  const fileName = useFile((state) => (state.file.status === 'ready' ? state.file.fileName : ''));
  return (
    <>
      <OpenFile />
      {data && (
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
