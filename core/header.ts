import type { Delimiter } from './dialect';
import type { Problem } from './problems';

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
export function tabDelimitedProblem(fields: string[]): Problem | null {
  if (fields.length !== 1 || !fields[0]!.includes('\t')) return null;
  return {
    row: 1,
    column: null,
    code: 'tab-delimited',
    message:
      'The file is tab-delimited, which the provider does not accept: save it as CSV (comma) or as Excel "CSV (Semicolon delimited)" and name it .excel.ready.',
  };
}

function unknownColumnMessage(name: string, delimiter: Delimiter): string {
  const shown = JSON.stringify(name);
  const other = delimiter === ',' ? ';' : ',';
  let hint = '';
  if (name.includes(other) && COLUMNS.some((c) => name.split(other).includes(c))) {
    hint =
      delimiter === ','
        ? ' The header is separated by semicolons: name the file .excel.ready for Excel format.'
        : ' The header is separated by commas: leave .excel out of the name for the standard format.';
  } else if (isColumn(name.toLowerCase())) {
    hint = ` Names are case-sensitive: write "${name.toLowerCase()}".`;
  } else if (isColumn(name.trim())) {
    hint = ` Remove the spaces around "${name.trim()}".`;
  }
  const what = name === '' ? 'A column has no name' : `Unknown column ${shown}`;
  return `${what}: the accepted names are ${ACCEPTED}.${hint}`;
}

/** Reads the header row (row 1) and lists every problem with it (SPEC section 5). */
export function readHeader(
  fields: string[],
  delimiter: Delimiter,
): { header: Header; problems: Problem[] } {
  const problems: Problem[] = [];
  const index: Partial<Record<Column, number>> = {};
  if (fields.every((name) => name === '')) {
    // A blank first row is not skipped like later blank rows: the first row is the header.
    return {
      header: { names: fields, index },
      problems: REQUIRED_COLUMNS.map((column) => ({
        row: 1,
        column,
        code: 'missing-column' as const,
        message: `The first row is blank, but it must name the columns (${ACCEPTED}): "${column}" is required.`,
      })),
    };
  }
  const reported = new Set<string>();
  fields.forEach((name, i) => {
    if (isColumn(name)) {
      if (index[name] === undefined) {
        index[name] = i;
      } else if (!reported.has(name)) {
        reported.add(name);
        problems.push({
          row: 1,
          column: name,
          code: 'duplicate-column',
          message: `The column "${name}" appears more than once in the header: keep one.`,
        });
      }
      return;
    }
    problems.push({
      row: 1,
      column: name,
      code: 'unknown-column',
      message: unknownColumnMessage(name, delimiter),
    });
  });
  for (const column of REQUIRED_COLUMNS) {
    if (index[column] === undefined) {
      problems.push({
        row: 1,
        column,
        code: 'missing-column',
        message: `The header has no "${column}" column, which is required: the first row must name the columns (${ACCEPTED}).`,
      });
    }
  }
  return { header: { names: fields, index }, problems };
}
