import { DialectParser } from './dialect';
import type { Delimiter } from './dialect';
import { report } from './problems';
import type { Described, Problem, ProblemSink } from './problems';
import type { SourceText } from './message-sink';

/** The column names the provider understands, matched exactly (SPEC section 5). */
export const COLUMNS = ['msisdn', 'message', 'sender', 'class', 'userref'] as const;
export type Column = (typeof COLUMNS)[number];
export const REQUIRED_COLUMNS: readonly Column[] = ['msisdn', 'message'];

export interface Header {
  /** The header's names as written, in file order. */
  names: string[];
  /** Where each known column is, by field index; a missing optional column is absent. */
  index: Partial<Record<Column, number>>;
}

const ACCEPTED = COLUMNS.join(', ');

function isColumn(name: string): name is Column {
  return (COLUMNS as readonly string[]).includes(name);
}

/**
 * A header row made of one field with a tab in it is a tab-delimited file: the server cannot read
 * its columns at all, so it is the one problem reported (SPEC section 4).
 */
export function tabDelimitedProblem(fields: string[], count = fields.length): Problem | null {
  if (count !== 1 || !fields[0]!.includes('\t')) return null;
  return {
    row: 1,
    column: null,
    code: 'tab-delimited',
    message:
      'The file is tab-delimited, which the provider does not accept: save it as CSV (comma) or as Excel "CSV (Semicolon delimited)" and name it .excel.ready.',
  };
}

function describeUnknownColumn(name: string, delimiter: Delimiter): Described {
  const shown = JSON.stringify(name);
  const other = delimiter === ',' ? ';' : ',';
  let hint = '';
  let values: Record<string, string> = {};
  if (name.includes(other) && COLUMNS.some((c) => name.split(other).includes(c))) {
    const semicolons = delimiter === ',';
    values = { hint: semicolons ? 'semicolons' : 'commas' };
    hint = semicolons
      ? ' The header is separated by semicolons: name the file .excel.ready for Excel format.'
      : ' The header is separated by commas: leave .excel out of the name for the standard format.';
  } else if (isColumn(name.toLowerCase())) {
    values = { hint: 'case', suggestion: name.toLowerCase() };
    hint = ` Names are case-sensitive: write "${name.toLowerCase()}".`;
  } else if (isColumn(name.trim())) {
    values = { hint: 'spaces', suggestion: name.trim() };
    hint = ` Remove the spaces around "${name.trim()}".`;
  }
  const what = name === '' ? 'A column has no name' : `Unknown column ${shown}`;
  return {
    message: `${what}: the accepted names are ${ACCEPTED}.${hint}`,
    values: { kind: name === '' ? 'no-name' : 'unknown', name: shown, ...values },
  };
}

/**
 * Reads the header row (row 1) one name at a time and reports every problem with it (SPEC
 * section 5), keeping nothing per name: a header of millions of names costs only its count.
 */
export class HeaderReader {
  readonly index: Partial<Record<Column, number>> = {};
  /** How many names it has read. */
  count = 0;
  readonly #reported = new Set<Column>();
  /** Empty names not yet reported: while every name so far is empty, the row may be blank. */
  #empty = 0;
  #blank = true;

  constructor(
    private readonly delimiter: Delimiter,
    private readonly problems: ProblemSink,
  ) {}

  name(name: string): void {
    const i = this.count++;
    if (this.#blank) {
      if (name === '') {
        this.#empty++;
        return;
      }
      this.#blank = false;
      for (; this.#empty > 0; this.#empty--) this.#unknown('');
    }
    if (!isColumn(name)) {
      this.#unknown(name);
    } else if (this.index[name] === undefined) {
      this.index[name] = i;
    } else if (!this.#reported.has(name)) {
      this.#reported.add(name);
      this.problems.push({
        row: 1,
        column: name,
        code: 'duplicate-column',
        message: `The column "${name}" appears more than once in the header: keep one.`,
      });
    }
  }

  /** After the last name: the required columns that are missing. */
  finish(): void {
    // A blank first row is not skipped like later blank rows: the first row is the header.
    for (const column of REQUIRED_COLUMNS) {
      if (this.index[column] !== undefined) continue;
      this.problems.push({
        row: 1,
        column,
        code: 'missing-column',
        message: this.#blank
          ? `The first row is blank, but it must name the columns (${ACCEPTED}): "${column}" is required.`
          : `The header has no "${column}" column, which is required: the first row must name the columns (${ACCEPTED}).`,
        values: { kind: this.#blank ? 'blank' : 'absent' },
      });
    }
  }

  #unknown(name: string): void {
    report(this.problems, 1, name, 'unknown-column', () =>
      describeUnknownColumn(name, this.delimiter),
    );
  }
}

/** Reads the header row (row 1) and lists every problem with it (SPEC section 5). */
export function readHeader(
  fields: string[],
  delimiter: Delimiter,
): { header: Header; problems: Problem[] } {
  const problems: Problem[] = [];
  const reader = new HeaderReader(delimiter, problems);
  for (const name of fields) reader.name(name);
  reader.finish();
  return { header: { names: fields, index: reader.index }, problems };
}

/** The names of the header of `text` at the field indexes `wanted`, read again. */
export function headerNames(
  text: SourceText,
  delimiter: Delimiter,
  wanted: ReadonlySet<number>,
): Map<number, string> {
  const names = new Map<number, string>();
  let done = false;
  const parser = new DialectParser(delimiter, {
    record: () => {
      done = true;
    },
    problem: () => {},
    field: (value, index) => {
      if (!done && wanted.has(index)) names.set(index, value);
    },
  });
  parser.keepFields(0);
  const chunk = 1 << 16;
  for (let at = 0; at < text.length && !done; at += chunk) parser.push(text.slice(at, at + chunk));
  if (!done) parser.finish();
  return names;
}
