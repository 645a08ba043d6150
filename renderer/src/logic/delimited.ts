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
import { DialectParser } from '../../../core/dialect';
import type { DialectProblem } from '../../../core/dialect';
import type { Sheet } from './sheet';
import { sheetFromRows } from './sheet';

export type InputDelimiter = ',' | ';' | '\t';

export type Delimited =
  | {
      ok: true;
      sheet: Sheet;
      encoding: Encoding;
      delimiter: InputDelimiter;
      problems: DialectProblem[];
    }
  | { ok: false; error: string };

/** The delimiter that the header row (outside quotes) holds most of; `,` when it has none. */
export function detectDelimiter(text: string): InputDelimiter {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) quoted = !quoted;
    else if (!quoted && (c === 0x0a || c === 0x0d)) break;
    else if (!quoted && c === 0x2c) counts[',']++;
    else if (!quoted && c === 0x3b) counts[';']++;
    else if (!quoted && c === 0x09) counts['\t']++;
  }
  let best: InputDelimiter = ',';
  for (const delimiter of [';', '\t'] as const) {
    if (counts[delimiter] > counts[best]) best = delimiter;
  }
  return best;
}

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
