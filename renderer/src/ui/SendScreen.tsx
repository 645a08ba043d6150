import { CampaignPanel } from './CampaignPanel';
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
  return (
    <>
      <OpenFile />
      {data && rows && (
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
