/**
 * The rows left out of a send as a file a spreadsheet opens as it is, with the reason for each,
 * for the person to fix: the row number in their sheet, the number as they typed it, the
 * message, and why it was left out. In the campaign's file format: semicolons and a UTF-8 byte
 * order mark for Excel (which then reads æ, ø and å right), or plain commas.
 */
import { dsvFormat } from 'd3-dsv';
import type { Format } from '../../../core/check';
import type { LeftOut } from './left-out';
import { reasonOf } from './left-out';
import type { Reason } from './left-out';
import type { PreviewRow } from './preview-row';

export const LEFT_OUT_HEADER = ['Row', 'Phone number', 'Message', 'Why it was left out'];

/**
 * A cell a spreadsheet would take for a formula (`=`, `+`, `-`, `@` first) is kept as text with
 * an apostrophe in front: `+45 20 12 34 56` would otherwise open as a formula, or an error, and a
 * crafted cell could run one.
 */
function asText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The file's words in the person's language (the page's catalogues); English without them. */
export interface LeftOutWords {
  header: readonly string[];
  reason(row: PreviewRow, reason: Reason): string;
}

const ENGLISH: LeftOutWords = { header: LEFT_OUT_HEADER, reason: reasonOf };

export function leftOutFile(
  rows: readonly PreviewRow[],
  leftOut: LeftOut,
  format: Format,
  words: LeftOutWords = ENGLISH,
): { text: string; bytes: Uint8Array; rows: number } {
  const dsv = dsvFormat(format === 'excel' ? ';' : ',');
  const lines = [dsv.formatRow([...words.header])];
  let count = 0;
  for (const row of rows) {
    const reason = leftOut[row.index] ?? 0;
    if (reason === 0) continue;
    count++;
    lines.push(
      dsv.formatRow([
        String(row.sourceRow),
        asText(row.typedNumber),
        asText(row.message),
        asText(words.reason(row, reason as Reason)),
      ]),
    );
  }
  const text =
    lines.join(format === 'excel' ? '\r\n' : '\n') + (format === 'excel' ? '\r\n' : '\n');
  const body = new TextEncoder().encode(text);
  if (format !== 'excel') return { text, bytes: body, rows: count };
  const bytes = new Uint8Array(body.length + 3);
  bytes.set([0xef, 0xbb, 0xbf]);
  bytes.set(body, 3);
  return { text, bytes, rows: count };
}
