import { DialectParser } from './dialect';
import type { Delimiter } from './dialect';
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
