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
import {
  figuresForSender,
  firstSendable,
  senderShare,
  shownRows,
  verdictSettings,
  withSettings,
} from '../logic/preview-verdict';
import type { ShownRow } from '../logic/preview-verdict';
import { describeSender } from '../../../core/values';
import { rowStandings } from '../logic/list-order';
import { costOf, totalsOf } from '../logic/totals';
import type { Totals } from '../logic/totals';
import type { CampaignSettings } from '../logic/campaign-settings';
import { useAppSettings } from '../stores/app-settings';
import { useCampaign } from '../stores/campaign';
import { selectSheet, useFile } from '../stores/file';
import { leftOutFor, useLeaveOut } from '../stores/leave-out';
import { useMapping } from '../stores/mapping';
import { usePaintedFirst } from './usePaintedFirst';

export interface PreviewData {
  /**
   * The campaign's settings this preview is of: it lags the settings as typed by a frame or
   * two (usePaintedFirst), and nothing may be exported or sent from it until it has caught up
   * (SendPanel).
   */
  settings: CampaignSettings;
  preview: Preview;
  /**
   * The rows as the list shows them: the verdict's own, the same objects while a valid sender
   * is typed (see shownRows), so a keystroke makes no line of the list again.
   */
  shown: readonly ShownRow[];
  /**
   * Each row's standing for the list's filters (list-order.ts), made when first asked for and
   * kept while the sender stays valid or invalid: the list filters by it, not by `shown`.
   */
  standings: () => Uint8Array;
  totals: Totals;
  /** Why each row is left out of the send (0: it is sent). */
  leftOut: LeftOut;
  /** What each bulk action would leave out, and how many rows are out. */
  counts: LeftOutCounts;
  /** The index of the first row to be sent with no error (a test's row), or -1. */
  firstSendable: number;
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
  const typed = useCampaign((state) => state.settings);
  const prices = useAppSettings((state) => state.settings?.prices ?? null);
  // The mapping is guessed for each sheet before it is shown (stores/file.ts); a mapping made
  // for another sheet would point at wrong columns.
  const ready = sheet !== null && mappedSheet === sheet ? sheet : null;
  // A keystroke in the campaign's settings paints first (the field, at once), and the preview
  // follows after that frame, in a render React can interrupt: on a busy machine the list's
  // lines, or a new verdict for another country, would otherwise hold the typed character back.
  // A new sheet is previewed with its own settings at once: a preview of it with the last
  // file's, made only to be replaced, would cost a drop a second verdict.
  const typedFor = useMemo(() => ({ sheet: ready, settings: typed }), [ready, typed]);
  const lagged = usePaintedFirst(typedFor);
  const settings = lagged.sheet === ready ? lagged.settings : typed;
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
  // The rows' verdicts, kept whatever sender is typed (see preview-verdict.ts); the figures
  // are the verdict's, corrected for an invalid sender, so they are kept with it.
  const judged = verdictSettings(settings);
  const verdict = useMemo(() => {
    if (ready === null || numbers === null || messages === null) return null;
    return assemblePreview(ready, mapping, judged, numbers, messages);
    // judged is a new object at each change of settings: the parts that judge are the keys.
  }, [
    ready,
    mapping,
    numbers,
    messages,
    judged.sender,
    judged.messageClass,
    judged.replaceLookalikes,
  ]);
  const preview = useMemo(
    () => (verdict === null ? null : withSettings(verdict, settings)),
    [verdict, settings],
  );
  // Leaving a row out or putting it back redoes the figures, never the rows.
  const leftOut = useMemo(() => kept ?? noneLeftOut(verdict?.rows.length ?? 0), [kept, verdict]);
  const verdictFigures = useMemo(
    () =>
      verdict === null
        ? null
        : {
            totals: totalsOf(verdict.rows, leftOut),
            counts: leftOutCounts(verdict.rows, leftOut),
            share: senderShare(verdict, leftOut),
          },
    [verdict, leftOut],
  );
  const senderValid = describeSender(settings.sender) === null;
  const figures = useMemo(
    () =>
      verdictFigures === null
        ? null
        : figuresForSender(
            verdictFigures.totals,
            verdictFigures.counts,
            verdictFigures.share,
            senderValid,
          ),
    [verdictFigures, senderValid],
  );
  const first = useMemo(
    () => (verdict === null ? -1 : firstSendable(verdict, leftOut, senderValid)),
    [verdict, leftOut, senderValid],
  );
  const standings = useMemo(() => {
    let made: Uint8Array | null = null;
    return () =>
      (made ??= verdict === null ? new Uint8Array(0) : rowStandings(verdict, senderValid));
  }, [verdict, senderValid]);
  const cost = useMemo(
    () => (verdict === null ? null : costOf(verdict.rows, leftOut, prices)),
    [verdict, leftOut, prices],
  );
  return useMemo(() => {
    if (preview === null || figures === null) return null;
    let made: Outgoing | null = null;
    const outgoing = () => (made ??= outgoingMessages(preview.rows, leftOut));
    const shown = shownRows(verdict!, preview);
    return {
      settings,
      preview,
      shown,
      standings,
      ...figures,
      leftOut,
      firstSendable: first,
      cost,
      outgoing,
    };
  }, [settings, preview, verdict, standings, figures, leftOut, first, cost]);
}
