/**
 * The preview, derived from the sheet, the mapping and the campaign's settings: computed, not
 * stored.
 */
import { useMemo } from 'react';
import { readMessages, readNumbers } from '../logic/columns';
import { outgoingMessages } from '../logic/outgoing';
import type { Outgoing } from '../logic/outgoing';
import { assemblePreview } from '../logic/preview';
import type { Preview } from '../logic/preview';
import { totalsOf } from '../logic/totals';
import type { Totals } from '../logic/totals';
import { useCampaign } from '../stores/campaign';
import { selectSheet, useFile } from '../stores/file';
import { useMapping } from '../stores/mapping';

export interface PreviewData {
  preview: Preview;
  totals: Totals;
  /**
   * The messages to export or send, made when first asked for: the preview is rebuilt at each
   * setting, and holding a second object per row would only give the collector more to walk.
   */
  outgoing: () => Outgoing;
}

export function usePreview(): PreviewData | null {
  const sheet = useFile(selectSheet);
  const mapping = useMapping((state) => state.mapping);
  const mappedSheet = useMapping((state) => state.sheet);
  const settings = useCampaign((state) => state.settings);
  // The mapping is guessed for each sheet before it is shown (stores/file.ts); a mapping made
  // for another sheet would point at wrong columns.
  const ready = sheet !== null && mappedSheet === sheet ? sheet : null;
  // The columns are read once and kept while only the campaign's settings change: typing a
  // sender then redoes the rows' checks, not the parsing of every number (most of a preview's
  // cost).
  const numbers = useMemo(
    () => (ready ? readNumbers(ready, mapping.msisdn, settings.defaultCountry) : null),
    [ready, mapping.msisdn, settings.defaultCountry],
  );
  const messages = useMemo(
    () => (ready ? readMessages(ready, mapping.message) : null),
    [ready, mapping.message],
  );
  return useMemo(() => {
    if (ready === null || numbers === null || messages === null) return null;
    const preview = assemblePreview(ready, mapping, settings, numbers, messages);
    let made: Outgoing | null = null;
    const outgoing = () => (made ??= outgoingMessages(preview.rows));
    return { preview, totals: totalsOf(preview.rows), outgoing };
  }, [ready, mapping, settings, numbers, messages]);
}
