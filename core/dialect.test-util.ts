import fc from 'fast-check';
import { DialectParser } from './dialect';
import type { Delimiter, RecordSink } from './dialect';
import type { DialectProblem } from './dialect-problems';

/** The whole text at once, into lists: for tests and small inputs. */
export function parseDialect(
  text: string,
  delimiter: Delimiter,
): { records: { row: number; fields: string[] }[]; problems: DialectProblem[] } {
  const records: { row: number; fields: string[] }[] = [];
  const problems: DialectProblem[] = [];
  const parser = new DialectParser(delimiter, {
    record: (fields, row) => records.push({ row, fields }),
    problem: (problem) => problems.push(problem),
  });
  parser.push(text);
  parser.finish();
  return { records, problems };
}

export type Parsed = ReturnType<typeof parseDialect>;

/** The fields of each record, for tests where the rows are obvious. */
export function fieldsOf(text: string, delimiter: Delimiter = ','): string[][] {
  return parseDialect(text, delimiter).records.map((record) => record.fields);
}

/** Feeds `text` to `sink` cut at `cuts` (positions, in any order, duplicates allowed). */
export function pushInChunks(
  text: string,
  delimiter: Delimiter,
  cuts: number[],
  sink: RecordSink,
): void {
  const parser = new DialectParser(delimiter, sink);
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    parser.push(text.slice(from, cut));
    from = cut;
  }
  parser.push(text.slice(from));
  parser.finish();
}

export function parseInChunks(text: string, delimiter: Delimiter, cuts: number[]): Parsed {
  const result: Parsed = { records: [], problems: [] };
  pushInChunks(text, delimiter, cuts, {
    record: (fields, row) => result.records.push({ row, fields }),
    problem: (problem) => result.problems.push(problem),
  });
  return result;
}

export function oneCharAtATime(text: string, delimiter: Delimiter): Parsed {
  return parseInChunks(
    text,
    delimiter,
    Array.from({ length: text.length }, (_, i) => i),
  );
}

/** Records and problems in the order the sink got them. */
export function events(text: string, delimiter: Delimiter = ','): string[] {
  const log: string[] = [];
  const parser = new DialectParser(delimiter, {
    record: (fields, row) => log.push(`record ${row} ${JSON.stringify(fields)}`),
    problem: (problem) => log.push(`problem ${problem.row} ${problem.code} ${problem.field}`),
  });
  parser.push(text);
  parser.finish();
  return log;
}

export function problem(
  code: DialectProblem['code'],
  row: number,
  field: number | null,
): Omit<DialectProblem, 'message'> {
  return { code, row, field };
}

/** The problems without their messages, which have their own tests. */
export function problemsOf(
  text: string,
  delimiter: Delimiter = ',',
): Omit<DialectProblem, 'message'>[] {
  return parseDialect(text, delimiter).problems.map(({ code, row, field }) => ({
    code,
    row,
    field,
  }));
}

/** Short texts built mostly from the characters the dialect cares about. */
export function dialectText(maxLength = 40): fc.Arbitrary<string> {
  return fc.string({
    unit: fc.constantFrom('a', 'b', ' ', '"', '"', ',', ';', '\r', '\n', '\\', 'é', '😀'),
    maxLength,
  });
}
