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
  /**
   * What the sentence says, as data, so that the app can say it in the person's language:
   * `kind` names which of the code's sentences it is, where a code has several; the rest are
   * the values the sentence names. `message` stays the provider's own English words.
   */
  values?: ProblemValues;
}

export type ProblemValues = Readonly<Record<string, string | number>>;

/** A problem's sentence, and the values it was made from. */
export interface Described {
  message: string;
  values?: ProblemValues;
}

/**
 * A problem as the command line and its JSON show it: the provider's own words, without the
 * values the app uses to say them in the person's language.
 */
export function documentedProblem({ values: _values, ...problem }: Problem): Problem {
  return problem;
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

/**
 * How many problems a verdict keeps with their sentences. The rest are counted, by code: a
 * 30 MiB file can hold 15 million problems, and no reader goes past the first ones (the cause
 * lists 100, the app shows 500).
 */
export const MAX_KEPT_PROBLEMS = 1000;

export type ProblemCounts = Partial<Record<ProblemCode, number>>;

/** Where a rule reports what it finds: a list, or a tally that keeps only the first ones. */
export interface ProblemSink {
  push(problem: Problem): void;
}

/**
 * Every problem counted, and the first `limit` of them in row order (see inRowOrder) kept:
 * memory stays bounded whatever the count. Problems may come in any order; those found in row
 * order, as check finds nearly all of them, cost a push and a comparison.
 */
export class ProblemTally implements ProblemSink {
  readonly counts: ProblemCounts = {};
  total = 0;
  #kept: Problem[] = [];
  /** Once `limit` are kept, a problem at this row or later sorts after all of them. */
  #cutRow = Infinity;

  constructor(readonly limit = MAX_KEPT_PROBLEMS) {
    if (!(limit >= 1)) throw new RangeError(`A tally keeps at least one problem, not ${limit}`);
  }

  /** Counts a problem of this code and row; true if it is among the first so far, to be kept. */
  count(code: ProblemCode, row: number | null): boolean {
    this.total++;
    this.counts[code] = (this.counts[code] ?? 0) + 1;
    return (row ?? 0) < this.#cutRow;
  }

  push(problem: Problem): void {
    if (this.count(problem.code, problem.row)) this.keep(problem);
  }

  /** Keeps a problem that count() said is among the first; it has been counted already. */
  keep(problem: Problem): void {
    const kept = this.#kept;
    kept.push(problem);
    // Cut back only when twice over, so that sorting costs O(log limit) a problem at most.
    if (kept.length >= 2 * this.limit) this.#cut();
  }

  /** The kept problems in row order, at most `limit`. */
  problems(): Problem[] {
    if (this.#kept.length > this.limit) this.#cut();
    return inRowOrder(this.#kept);
  }

  #cut(): void {
    const sorted = inRowOrder(this.#kept);
    sorted.length = this.limit;
    this.#kept = sorted;
    this.#cutRow = sorted[this.limit - 1]!.row ?? 0;
  }
}

/**
 * Reports a problem whose sentence costs something to write, writing it only if it is kept:
 * a tally counts millions it will not keep.
 */
export function report(
  sink: ProblemSink,
  row: number | null,
  column: string | null,
  code: ProblemCode,
  describe: () => Described,
): void {
  if (sink instanceof ProblemTally) {
    if (sink.count(code, row)) sink.keep({ row, column, code, ...describe() });
  } else {
    sink.push({ row, column, code, ...describe() });
  }
}
