/** The figures above the preview: what the messages cost and what is wrong with them. */
import { MAX_PARTS } from '../../../core/segments';
import type { PreviewRow } from './preview-row';

export interface Totals {
  /** Messages that will be sent (repeats left out when the person chose so). */
  recipients: number;
  parts: number;
  /** Messages in UCS-2, which take up to 2.3 times the parts of GSM-7. */
  ucs2: number;
  /** Rows the server would reject, and rows with a warning only. */
  rowsWithErrors: number;
  rowsWithWarnings: number;
  duplicates: number;
  /** How many messages take 1, 2, ... MAX_PARTS parts: index 0 is 1 part. */
  partsHistogram: number[];
  /** Messages whose look-alikes could be replaced, and the parts that would save. */
  fixable: number;
  partsSaved: number;
}

export function totalsOf(rows: readonly PreviewRow[]): Totals {
  const totals: Totals = {
    recipients: 0,
    parts: 0,
    ucs2: 0,
    rowsWithErrors: 0,
    rowsWithWarnings: 0,
    duplicates: 0,
    partsHistogram: new Array<number>(MAX_PARTS).fill(0),
    fixable: 0,
    partsSaved: 0,
  };
  for (const row of rows) {
    if (row.duplicateOf >= 0) totals.duplicates++;
    if (!row.included) continue;
    totals.recipients++;
    totals.parts += row.parts;
    if (row.encoding === 'UCS-2') totals.ucs2++;
    if (row.errors.length > 0) totals.rowsWithErrors++;
    else if (row.warnings.length > 0) totals.rowsWithWarnings++;
    if (row.parts >= 1) totals.partsHistogram[Math.min(row.parts, MAX_PARTS) - 1]!++;
    // Only a fix not yet applied saves anything; row.fix stays set once applied.
    if (row.fix !== null && row.encoding === 'UCS-2') {
      totals.fixable++;
      totals.partsSaved += row.fix.before.parts - row.fix.after.parts;
    }
  }
  return totals;
}
