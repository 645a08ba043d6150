/**
 * The rows left out of a send, and why: one byte a row, by row index (0: the row is sent). A
 * sheet of 100,000 rows is then 100 kB in one object, where a flag on each row, or a set of
 * numbers, would be as many objects more for the collector to walk while the list scrolls (see
 * warnings.ts). Changed as a whole (a copy), so that whatever reads it sees a new one.
 */
import type { PreviewRow } from './preview-row';

export const REASONS = {
  /** The person unticked the row. */
  byHand: 1,
  /** Its number cannot receive an SMS: not a phone number, a landline, toll-free, not in use. */
  cannotReceive: 2,
  /** Its number is in an earlier row too. */
  repeated: 3,
  /** The provider would refuse it. */
  problem: 4,
} as const;
export type Reason = (typeof REASONS)[keyof typeof REASONS];

export type LeftOut = Uint8Array;

/** The rows each bulk action leaves out. */
export const BULK: Record<'cannotReceive' | 'repeated' | 'problem', (row: PreviewRow) => boolean> =
  {
    cannotReceive: (row) => row.numberVerdict !== 'mobile',
    repeated: (row) => row.duplicateOf >= 0,
    problem: (row) => row.errors.length > 0,
  };

export type Bulk = keyof typeof BULK;

export function noneLeftOut(count: number): LeftOut {
  return new Uint8Array(count);
}

/** Leaves out every row `which` picks that is still in, giving `reason`. */
export function leaveOut(leftOut: LeftOut, rows: readonly PreviewRow[], which: Bulk): LeftOut {
  const next = leftOut.slice();
  const picks = BULK[which];
  const reason = REASONS[which];
  for (const row of rows) if (next[row.index] === 0 && picks(row)) next[row.index] = reason;
  return next;
}

/** Puts a row back, or leaves it out by hand. */
export function toggle(leftOut: LeftOut, index: number): LeftOut {
  const next = leftOut.slice();
  next[index] = next[index] === 0 ? REASONS.byHand : 0;
  return next;
}

/** The rows still in that each bulk action would leave out, and the rows left out. */
export interface LeftOutCounts {
  cannotReceive: number;
  repeated: number;
  problem: number;
  leftOut: number;
}

export function leftOutCounts(rows: readonly PreviewRow[], leftOut: LeftOut): LeftOutCounts {
  const counts: LeftOutCounts = { cannotReceive: 0, repeated: 0, problem: 0, leftOut: 0 };
  for (const row of rows) {
    if (leftOut[row.index] !== 0) {
      counts.leftOut++;
      continue;
    }
    if (BULK.cannotReceive(row)) counts.cannotReceive++;
    if (BULK.repeated(row)) counts.repeated++;
    if (BULK.problem(row)) counts.problem++;
  }
  return counts;
}

const REASON_WORDS: Record<Reason, string> = {
  [REASONS.byHand]: 'Left out by hand',
  [REASONS.cannotReceive]: 'Cannot receive an SMS',
  [REASONS.repeated]: 'Repeated number',
  [REASONS.problem]: 'The provider would refuse it',
};

/** Why a row is left out, in words, with what the preview found in it. */
export function reasonOf(row: PreviewRow, reason: number): string {
  const words = REASON_WORDS[reason as Reason] ?? 'Left out';
  const found = [...row.errors.map((e) => e.message), ...row.warnings.map((w) => w.message)];
  return found.length === 0 ? words : `${words}: ${found.join(' ')}`;
}
