/** The preview, derived from the sheet, the mapping and the batch settings: computed, not stored. */
import { useEffect, useMemo } from 'react';
import { buildPreview, outgoingMessages } from '../logic/rows';
import type { Preview } from '../logic/rows';
import { totalsOf } from '../logic/totals';
import type { Totals } from '../logic/totals';
import type { OutgoingMessage } from '../../../core/writer';
import { useBatch } from '../stores/batch';
import { selectSheet, useFile } from '../stores/file';
import { useMapping } from '../stores/mapping';

export interface PreviewData {
  preview: Preview;
  totals: Totals;
  messages: OutgoingMessage[];
  rowOf: number[];
}

export function usePreview(): PreviewData | null {
  const sheet = useFile(selectSheet);
  const { mapping, guessFor, sheet: mappedSheet } = useMapping();
  const settings = useBatch((state) => state.settings);
  useEffect(() => guessFor(sheet), [sheet, guessFor]);
  return useMemo(() => {
    // Until the guesses for this sheet are in, the old mapping would point at wrong columns.
    if (sheet === null || mappedSheet !== sheet) return null;
    const preview = buildPreview(sheet, mapping, settings);
    const { messages, rowOf } = outgoingMessages(preview.rows);
    return { preview, totals: totalsOf(preview.rows), messages, rowOf };
  }, [sheet, mappedSheet, mapping, settings]);
}
