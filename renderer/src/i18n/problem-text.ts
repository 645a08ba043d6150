/**
 * Core's problems in the app's language, from their code and values (core/problems.ts). Core
 * keeps its English words for the command line and the provider's cause; a problem without the
 * values its sentence needs (one read back from a cause) is shown in those words.
 */
import type { TFunction } from 'i18next';
import { MAX_FILE_BYTES } from '../../../core/decode';
import { COLUMNS } from '../../../core/header';
import type { Problem } from '../../../core/problems';
import { MAX_GSM7_SEPTETS, MAX_PARTS, MAX_UCS2_UNITS } from '../../../core/segments';
import { MAX_USERREF } from '../../../core/values';
import { i18n } from '.';

export type ShownProblem = Pick<Problem, 'code' | 'message' | 'column' | 'values'>;

/** The numbers core writes into its sentences, not carried on each problem. */
const CONSTANTS = {
  limit: MAX_FILE_BYTES,
  rows: 10_000,
  accepted: COLUMNS.join(', '),
  maxParts: MAX_PARTS,
};

// Keys made from a problem's code and kind are not known to the type checker; that each one
// exists in both catalogues is what problem-text.test.ts proves.
type LooseT = (key: string, options?: Record<string, unknown>) => string;

/** The catalogue key of a problem's sentence: its code, then its kind (`default` if none). */
export function problemKey(problem: Pick<Problem, 'code' | 'values'>): string {
  const kind = problem.values?.kind;
  return `problems.${problem.code}.${typeof kind === 'string' ? kind : 'default'}`;
}

export function problemText(t: TFunction, problem: ShownProblem): string {
  const key = problemKey(problem);
  const values = problem.values ?? {};
  // A sentence with values needs them all; a problem without any has only its words.
  if (problem.values === undefined && needsValues(problem.code)) return problem.message;
  const loose = t as unknown as LooseT;
  const options: Record<string, unknown> = {
    ...CONSTANTS,
    column: problem.column ?? '',
    max:
      problem.code === 'bad-userref'
        ? MAX_USERREF
        : values.kind === 'ucs2'
          ? MAX_UCS2_UNITS
          : MAX_GSM7_SEPTETS,
    ...values,
  };
  if (!i18n.exists(key, options)) return problem.message;
  const sentence = loose(key, options);
  const hint = values.hint;
  if (problem.code !== 'unknown-column' || typeof hint !== 'string') return sentence;
  return `${sentence} ${loose(`columnHints.${hint}`, options)}`;
}

/** Codes whose sentences name a value beyond the column. */
function needsValues(code: Problem['code']): boolean {
  return ![
    'conflicting-modifiers',
    'empty-file',
    'tab-delimited',
    'empty-message',
    'duplicate-column',
  ].includes(code);
}

/** A code in a few words, where problems are counted by code. */
export function problemName(t: TFunction, code: Problem['code']): string {
  return t(`problemNames.${code}`);
}
