/**
 * A CSV or text file as a table, whatever its encoding and delimiter. The bytes are decoded as
 * the server decodes them (core's decode, SPEC 3), so the preview shows the characters the
 * server would see; the delimiter is guessed from the header row, since customers' files come
 * with `;`, `,` or tabs. Comma and semicolon go through core's own parser (SPEC 4); a tab, which
 * the server never reads, through d3-dsv.
 */
import { dsvFormat } from 'd3-dsv';
import type { Encoding } from '../../../core/decode';
import { decode } from '../../../core/decode';
import { detectDelimiter, DialectParser } from '../../../core/dialect';
import type { DialectProblem, InputDelimiter } from '../../../core/dialect';
import type { Sheet } from './sheet';
import { sheetFromRows } from './sheet';

// The delimiter is guessed as `sendsheet send` guesses it for a file named without modifiers.
export { detectDelimiter } from '../../../core/dialect';
export type { InputDelimiter } from '../../../core/dialect';

export type Delimited =
  | {
      ok: true;
      sheet: Sheet;
      encoding: Encoding;
      delimiter: InputDelimiter;
      problems: DialectProblem[];
    }
  | { ok: false; error: string };

export function readDelimited(name: string, bytes: Uint8Array): Delimited {
  const decoded = decode(bytes, null);
  if (!decoded.ok) {
    return {
      ok: false,
      error: `${name} cannot be read as text: ${decoded.problem.message}`,
    };
  }
  const text = decoded.text;
  const delimiter = detectDelimiter(text);
  const problems: DialectProblem[] = [];
  let rows: string[][];
  if (delimiter === '\t') {
    rows = dsvFormat('\t').parseRows(text);
  } else {
    rows = [];
    const parser = new DialectParser(delimiter, {
      record: (fields) => rows.push(fields),
      problem: (problem) => problems.push(problem),
    });
    parser.push(text);
    parser.finish();
  }
  const sheet = sheetFromRows(name, rows);
  return { ok: true, sheet, encoding: decoded.encoding, delimiter, problems };
}
