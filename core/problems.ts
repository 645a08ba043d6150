/**
 * A problem the provider's server finds in a file. Problems are values, not exceptions: each
 * rule returns what it found, and a file with any problem is rejected whole (SPEC section 6).
 */
export const PROBLEM_CODES = [
  'too-large',
  'conflicting-modifiers',
  'bad-encoding',
  'empty-file',
  'tab-delimited',
  'bad-line-ending',
  'unclosed-quote',
  'stray-quote',
  'field-count',
  'missing-column',
  'unknown-column',
  'duplicate-column',
  'no-rows',
  'bad-msisdn',
  'empty-message',
  'message-too-long',
  'bad-sender',
  'bad-class',
  'mixed-class',
  'bad-userref',
  'internal-error',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface Problem {
  /** The row as Excel numbers it (the header is row 1), or null for a whole-file problem. */
  row: number | null;
  /** The column's name as the header gives it, or null. */
  column: string | null;
  code: ProblemCode;
  /** One sentence a person understands, without line breaks. */
  message: string;
  /** For `bad-encoding`: the byte offset, from the start of the file, of the bad byte. */
  offset?: number;
}

export function isProblemCode(value: string): value is ProblemCode {
  return (PROBLEM_CODES as readonly string[]).includes(value);
}

/** Problems in row order, whole-file problems first; the order found is kept within a row. */
export function inRowOrder(problems: Problem[]): Problem[] {
  for (let i = 1; i < problems.length; i++) {
    // Array.prototype.sort is stable, so problems of one row keep the order they were found in.
    if ((problems[i - 1]!.row ?? 0) > (problems[i]!.row ?? 0)) {
      return [...problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    }
  }
  return problems;
}
