/**
 * A keystroke in the campaign's sender costs what it changes (issue 16). A row's verdict (its
 * problems and warnings, and so the totals) depends on the campaign's sender and class only
 * through whether each is valid: a valid value is named in no problem. So the verdict is built
 * for the settings with a valid sender and class put as '' (verdictSettings), kept while typing
 * goes from one valid sender to another, and the rows are then read through the settings as
 * typed (withSettings). An invalid value is kept as it is, since its problem quotes it: each
 * such keystroke rebuilds the verdict, as every keystroke did before.
 */
import { classProblem, senderProblem } from '../../../core/values';
import type { CampaignSettings, MessageClassChoice } from './campaign-settings';
import type { Preview } from './preview';
import type { ColumnRow, PreviewRow, RowSource } from './preview-row';

/**
 * What the list of every message shows of a row: none of it depends on the campaign's sender
 * or class beyond the verdict (a sender is not shown; its problem is the verdict's). So the
 * list is given the verdict's own rows, which stay the same objects from keystroke to
 * keystroke, and its lines are not made again while a sender is typed.
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
  const sender = senderProblem(settings.sender) === null ? '' : settings.sender;
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
    rows: reboundRows(verdict.rows, source),
    unknownPlaceholders: verdict.unknownPlaceholders,
    source,
  };
}

/**
 * The verdict's rows read through `source`, each made when first read: a keystroke then costs
 * the rows shown, not a new object for each of 100,000 rows (20 to 140 ms on a busy machine,
 * and as much again for the collector), nor an array of 100,000 slots (about 10 ms). An array
 * to every reader: its length and indices (present, as `in` and `map` ask) are the verdict's,
 * its methods an array's, and each row is made once.
 */
function reboundRows(rows: readonly PreviewRow[], source: RowSource): PreviewRow[] {
  const count = rows.length;
  const made = new Map<number, PreviewRow>();
  const rowAt = (index: number): PreviewRow => {
    let row = made.get(index);
    if (row === undefined) {
      row = (rows[index] as ColumnRow).rebound(source);
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
