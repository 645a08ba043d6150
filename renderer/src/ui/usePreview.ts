/**
 * The preview, derived from the sheet, the mapping, the campaign's settings and the rows left
 * out: computed, not stored.
 */
import { useMemo } from 'react';
import type { Cost } from '../../../core/cost';
import { readMessages, readNumbers } from '../logic/columns';
import { leftOutCounts, noneLeftOut } from '../logic/left-out';
import type { LeftOut, LeftOutCounts } from '../logic/left-out';
import { outgoingMessages } from '../logic/outgoing';
import type { Outgoing } from '../logic/outgoing';
import { assemblePreview } from '../logic/preview';
import type { Preview } from '../logic/preview';
import { costOf, totalsOf } from '../logic/totals';
import type { Totals } from '../logic/totals';
import { useAppSettings } from '../stores/app-settings';
import { useCampaign } from '../stores/campaign';
import { selectSheet, useFile } from '../stores/file';
import { leftOutFor, useLeaveOut } from '../stores/leave-out';
import { useMapping } from '../stores/mapping';

export interface PreviewData {
  preview: Preview;
  totals: Totals;
  /** Why each row is left out of the send (0: it is sent). */
  leftOut: LeftOut;
  /** What each bulk action would leave out, and how many rows are out. */
  counts: LeftOutCounts;
  /** What the rows to be sent are estimated to cost; null without prices. */
  cost: Cost | null;
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
  const prices = useAppSettings((state) => state.settings?.prices ?? null);
  // The mapping is guessed for each sheet before it is shown (stores/file.ts); a mapping made
  // for another sheet would point at wrong columns.
  const ready = sheet !== null && mappedSheet === sheet ? sheet : null;
  const kept = useLeaveOut((state) => leftOutFor(state, ready));
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
  const preview = useMemo(() => {
    if (ready === null || numbers === null || messages === null) return null;
    return assemblePreview(ready, mapping, settings, numbers, messages);
  }, [ready, mapping, settings, numbers, messages]);
  // Leaving a row out or putting it back redoes the figures, never the rows.
  const leftOut = useMemo(() => kept ?? noneLeftOut(preview?.rows.length ?? 0), [kept, preview]);
  const figures = useMemo(
    () =>
      preview === null
        ? null
        : { totals: totalsOf(preview.rows, leftOut), counts: leftOutCounts(preview.rows, leftOut) },
    [preview, leftOut],
  );
  const cost = useMemo(
    () => (preview === null ? null : costOf(preview.rows, leftOut, prices)),
    [preview, leftOut, prices],
  );
  return useMemo(() => {
    if (preview === null || figures === null) return null;
    let made: Outgoing | null = null;
    const outgoing = () => (made ??= outgoingMessages(preview.rows, leftOut));
    return { preview, ...figures, leftOut, cost, outgoing };
  }, [preview, figures, leftOut, cost]);
}
