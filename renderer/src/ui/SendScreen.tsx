import { CampaignPanel } from './CampaignPanel';
import { MappingPanel } from './MappingPanel';
import { OpenFile } from './OpenFile';
import { PreviewTable } from './PreviewTable';
import { SendPanel } from './SendPanel';
import { TotalsPanel } from './TotalsPanel';
import { usePreview } from './usePreview';

/** The main flow: open, map, check, set, export or send, follow. */
export function SendScreen() {
  const data = usePreview();
  return (
    <>
      <OpenFile />
      {data && (
        <>
          <MappingPanel unknownPlaceholders={data.preview.unknownPlaceholders} />
          <CampaignPanel duplicates={data.totals.duplicates} />
          <TotalsPanel totals={data.totals} />
          <SendPanel data={data} />
          <PreviewTable rows={data.preview.rows} />
        </>
      )}
    </>
  );
}
