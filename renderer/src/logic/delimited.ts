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
import type { InputDelimiter } from '../../../core/dialect';
import type { DialectProblem } from '../../../core/dialect-problems';
import type { Problem } from '../../../core/problems';
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
      /** Whether the text is mostly control characters: a binary file that decoded by chance. */
      binary: boolean;
    }
  | { ok: false; problem: Problem };

/** Text parsed between two reports of progress. */
const CHUNK = 1 << 20;

/**
 * Text files hold tabs and line breaks, not other control characters; Windows-1252 decodes
 * nearly any bytes, so a file of many of them is not text, whatever its name.
 */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4096);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) control++;
  }
  return control > sample.length / 20;
}

export function readDelimited(
  name: string,
  bytes: Uint8Array,
  onRows: (rows: number) => void = () => {},
): Delimited {
  const decoded = decode(bytes, null);
  if (!decoded.ok) return { ok: false, problem: decoded.problem };
  const text = decoded.text;
  // The header is the first row that is not blank (sheetFromRows): the delimiter is its.
  const delimiter = detectDelimiter(text.slice(/^(?:[ \t]*\r?\n)*/.exec(text)![0].length));
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
    for (let at = 0; at < text.length; at += CHUNK) {
      parser.push(text.slice(at, at + CHUNK));
      onRows(rows.length);
    }
    parser.finish();
  }
  const sheet = sheetFromRows(name, rows);
  return {
    ok: true,
    sheet,
    encoding: decoded.encoding,
    delimiter,
    problems,
    binary: looksBinary(text),
  };
}
