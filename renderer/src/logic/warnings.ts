/**
 * What the preview warns about that the server would not reject, and the lists rows share.
 *
 * Most rows have no problem, or the same warning as many others: they share one list rather
 * than hold one each. What a preview of 100,000 rows keeps alive is what the garbage collector
 * walks in its pauses, and those pauses are what the scroll feels.
 */
import type { LookalikeFix } from '../../../core/lookalikes';
import type { Problem } from '../../../core/problems';
import type { PhoneWhy } from './phone';

/** Something the app warns about that the server would not reject. */
export interface Warning {
  code: 'not-mobile' | 'duplicate' | 'lookalikes' | 'unknown-placeholder';
  /** In English, as the command line and tests read it. */
  message: string;
  /** What the sentence names, so the app can say it in its language (i18n/warning-text.ts). */
  values?: Readonly<Record<string, string | number | boolean | readonly string[]>>;
  /** For not-mobile: why the number cannot get an SMS, said in the UI's language. */
  why?: PhoneWhy;
}

/** The problems of a row that has none, shared by every such row. */
export const NO_PROBLEMS: readonly Problem[] = [];
export const NO_WARNINGS: readonly Warning[] = [];

/** The one-warning list of each shared warning. */
const listOfWarning = new WeakMap<Warning, readonly Warning[]>();

export function sharedList(warning: Warning): readonly Warning[] {
  let list = listOfWarning.get(warning);
  if (list === undefined) {
    list = [warning];
    listOfWarning.set(warning, list);
  }
  return list;
}

/**
 * The warning of each fix, made once: rows that agree share a fix (readMessages), so they share
 * its warning too, and a fix is kept while settings change.
 */
const warningOfFix = new WeakMap<LookalikeFix, Warning>();

export function lookalikeWarning(fix: LookalikeFix): Warning {
  const known = warningOfFix.get(fix);
  if (known !== undefined) return known;
  const names = fix.lookalikes.map((l) => `${l.char} (${l.name})`).join(', ');
  const message = `${names} ${fix.lookalikes.length === 1 ? 'forces' : 'force'} the message into UCS-2: ${fix.before.parts} part${fix.before.parts === 1 ? '' : 's'}, ${fix.after.parts} with GSM-7 look-alikes.`;
  const warning: Warning = {
    code: 'lookalikes',
    message,
    values: {
      characters: fix.lookalikes.map((l) => l.char),
      count: fix.lookalikes.length,
      before: fix.before.parts,
      after: fix.after.parts,
    },
  };
  warningOfFix.set(fix, warning);
  return warning;
}
