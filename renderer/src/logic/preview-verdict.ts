/**
 * A keystroke in the campaign's sender costs what it changes (issue 16). The campaign's sender
 * is judged alone, the same for every row that takes it (a row without a sender of its own):
 * it is a property of the settings. So the verdict (each row's problems and warnings, and the
 * figures) is built once for the settings with the sender put as '' (verdictSettings), kept
 * whatever is typed, and the rows are read through the settings as typed (withSettings), the
 * sender's problem, when it has one, added to the problems of each row that takes it; the
 * figures are corrected by the rows it adds a problem to (SenderShare). The campaign's class
 * is a choice among valid ones; a class that is not one (only tests give it) is kept as it is.
 */
import type { Described, Problem } from '../../../core/problems';
import { classProblem, describeSender } from '../../../core/values';
import type { CampaignSettings, MessageClassChoice } from './campaign-settings';
import type { LeftOut, LeftOutCounts } from './left-out';
import type { Preview } from './preview';
import type { ColumnRow, PreviewRow, RowSource } from './preview-row';
import { cellAt } from './sheet';
import type { Totals } from './totals';

/**
 * What the list of every message shows of a row: none of it depends on the campaign's sender
 * or class beyond the problems (a sender is not shown). So while the sender is valid the list
 * is given the verdict's own rows, which stay the same objects from keystroke to keystroke,
 * and its lines are not made again (shownRows).
 */
export type ShownRow = Pick<
  PreviewRow,
  | 'index'
  | 'sourceRow'
  | 'typedNumber'
  | 'msisdn'
  | 'message'
  | 'encoding'
  | 'units'
  | 'parts'
  | 'errors'
  | 'warnings'
>;

/** The settings a verdict is built for: the same verdict as `settings`, and shared by more. */
export function verdictSettings(settings: CampaignSettings): CampaignSettings {
  const sender = '';
  const messageClass: MessageClassChoice =
    classProblem(settings.messageClass) === null ? '' : settings.messageClass;
  if (sender === settings.sender && messageClass === settings.messageClass) return settings;
  return { ...settings, sender, messageClass };
}

/** Whether two settings give the rows the same texts and the same verdict. */
function sameForRows(a: CampaignSettings, b: CampaignSettings): boolean {
  return (
    a.sender === b.sender &&
    a.messageClass === b.messageClass &&
    a.replaceLookalikes === b.replaceLookalikes &&
    a.defaultCountry === b.defaultCountry
  );
}

/**
 * The preview of `settings` from a verdict built for verdictSettings(settings): the same
 * verdicts, the texts read through `settings`. The verdict itself when its rows already read
 * the same texts.
 */
export function withSettings(verdict: Preview, settings: CampaignSettings): Preview {
  const built = verdict.source.settings;
  if (sameForRows(built, settings)) return verdict;
  if (!sameForRows(verdictSettings(built), verdictSettings(settings))) {
    throw new Error('The verdict was built for settings that judge the rows differently.');
  }
  const source: RowSource = { ...verdict.source, settings };
  return {
    rows: reboundRows(verdict.rows, source, describeSender(settings.sender)),
    unknownPlaceholders: verdict.unknownPlaceholders,
    source,
  };
}

/**
 * The rows as the list shows them: the verdict's own while the campaign's sender is valid (the
 * same objects from keystroke to keystroke, so no line is made again), else the preview's,
 * whose problems name the sender as typed.
 */
export function shownRows(verdict: Preview, preview: Preview): readonly ShownRow[] {
  return describeSender(preview.source.settings.sender) === null ? verdict.rows : preview.rows;
}

/** Whether the row takes the campaign's sender: its own sender cell is empty, or there is none. */
export function takesCampaignSender(source: RowSource, index: number): boolean {
  return cellAt(source.sheet, index, source.mapping.sender) === '';
}

/**
 * A row's problems with the campaign sender's problem among them, where the plain check puts
 * it (core's validateValues): after the number's and the message's, before the class's and the
 * reference's.
 */
function withSenderProblem(errors: readonly Problem[], problem: Problem): Problem[] {
  let at = 0;
  while (
    at < errors.length &&
    (errors[at]!.column === 'msisdn' || errors[at]!.column === 'message')
  )
    at++;
  return [...errors.slice(0, at), problem, ...errors.slice(at)];
}

/**
 * The verdict's rows read through `source`, each made when first read: a keystroke then costs
 * the rows shown, not a new object for each of 100,000 rows (20 to 140 ms on a busy machine,
 * and as much again for the collector), nor an array of 100,000 slots (about 10 ms). An array
 * to every reader: its length and indices (present, as `in` and `map` ask) are the verdict's,
 * its methods an array's, and each row is made once. `sender`: the campaign sender's problem,
 * added to each row that takes it.
 */
function reboundRows(
  rows: readonly PreviewRow[],
  source: RowSource,
  sender: Described | null,
): PreviewRow[] {
  const count = rows.length;
  const made = new Map<number, PreviewRow>();
  const rowAt = (index: number): PreviewRow => {
    let row = made.get(index);
    if (row === undefined) {
      const rebound = (rows[index] as ColumnRow).rebound(source);
      if (sender !== null && takesCampaignSender(source, index)) {
        rebound.errors = withSenderProblem(rebound.errors, {
          row: rebound.sourceRow,
          column: 'sender',
          code: 'bad-sender',
          ...sender,
        });
      }
      row = rebound;
      made.set(index, row);
    }
    return row;
  };
  return new Proxy([] as PreviewRow[], {
    get(target, key, receiver) {
      if (typeof key === 'string') {
        if (key === 'length') return count;
        const index = indexOf(key, count);
        if (index >= 0) return rowAt(index);
      }
      return Reflect.get(target, key, receiver) as unknown;
    },
    has(target, key) {
      return (typeof key === 'string' && indexOf(key, count) >= 0) || Reflect.has(target, key);
    },
    getOwnPropertyDescriptor(target, key) {
      if (key === 'length') {
        return { value: count, writable: true, enumerable: false, configurable: false };
      }
      if (typeof key === 'string' && indexOf(key, count) >= 0) {
        return { value: rowAt(Number(key)), writable: false, enumerable: true, configurable: true };
      }
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
    ownKeys(target) {
      const keys: (string | symbol)[] = Array.from({ length: count }, (_, index) => String(index));
      return keys.concat(Reflect.ownKeys(target));
    },
    // The rows are the verdict's: nothing writes them.
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
}

/** The array index a property key names, or -1. */
function indexOf(key: string, count: number): number {
  const first = key.charCodeAt(0);
  if (first < 0x30 || first > 0x39) return -1;
  const index = Number(key);
  return Number.isInteger(index) && index < count && String(index) === key ? index : -1;
}

/**
 * What the campaign's sender changes in the figures: the rows to be sent that take it and have
 * no other error. An invalid sender gives each of them an error (and so takes it out of the
 * rows with a warning only); the rows with an error already keep their count.
 */
export interface SenderShare {
  /** Rows still in that take the campaign's sender and have no error of their own. */
  clean: number;
  /** Of them, those with a warning. */
  warned: number;
}

/** The share of a verdict built for verdictSettings (no row takes a sender's problem there). */
export function senderShare(verdict: Preview, leftOut: LeftOut): SenderShare {
  const share: SenderShare = { clean: 0, warned: 0 };
  const { source } = verdict;
  const everyRow = source.mapping.sender === null;
  for (const row of verdict.rows) {
    if (leftOut[row.index] !== 0 || row.errors.length > 0) continue;
    if (!everyRow && !takesCampaignSender(source, row.index)) continue;
    share.clean++;
    if (row.warnings.length > 0) share.warned++;
  }
  return share;
}

/**
 * The index of the first row to be sent with no error (a test's row), or -1: searched in the
 * verdict's rows, as the preview's are made when read.
 */
export function firstSendable(verdict: Preview, leftOut: LeftOut, senderValid: boolean): number {
  const { source } = verdict;
  // Every row takes the campaign's sender: none is without its error.
  if (!senderValid && source.mapping.sender === null) return -1;
  for (const row of verdict.rows) {
    if (leftOut[row.index] !== 0 || row.errors.length > 0) continue;
    if (senderValid || !takesCampaignSender(source, row.index)) return row.index;
  }
  return -1;
}

/** The verdict's figures for a campaign sender that is `valid` or not. */
export function figuresForSender(
  totals: Totals,
  counts: LeftOutCounts,
  share: SenderShare,
  valid: boolean,
): { totals: Totals; counts: LeftOutCounts } {
  if (valid || share.clean === 0) return { totals, counts };
  return {
    totals: {
      ...totals,
      rowsWithErrors: totals.rowsWithErrors + share.clean,
      rowsWithWarnings: totals.rowsWithWarnings - share.warned,
    },
    counts: { ...counts, problem: counts.problem + share.clean },
  };
}
