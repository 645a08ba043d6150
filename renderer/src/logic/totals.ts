/** The figures above the preview: what the messages cost and what is wrong with them. */
import type { Cost, Prices } from '../../../core/cost';
import { CostTally, PriceBook } from '../../../core/cost';
import { MAX_PARTS } from '../../../core/segments';
import type { LeftOut } from './left-out';
import type { PreviewRow } from './preview-row';
import type { Warning } from './warnings';

export type WarningCounts = Record<Warning['code'], number>;

export interface Totals {
  /** Messages that will be sent: the rows not left out. */
  recipients: number;
  parts: number;
  /** Messages in UCS-2, which take up to 2.3 times the parts of GSM-7. */
  ucs2: number;
  /** Rows to be sent that the server would reject, and those with a warning only. */
  rowsWithErrors: number;
  rowsWithWarnings: number;
  /** The warnings of the rows to be sent, by kind. */
  warnings: WarningCounts;
  /** Rows whose number is in an earlier row too. */
  duplicates: number;
  /** Rows left out of the send. */
  leftOut: number;
  /** How many messages take 1, 2, ... MAX_PARTS parts: index 0 is 1 part. */
  partsHistogram: number[];
  /** Messages whose look-alikes could be replaced, and the parts that would save. */
  fixable: number;
  partsSaved: number;
}

export function totalsOf(rows: readonly PreviewRow[], leftOut?: LeftOut): Totals {
  const totals: Totals = {
    recipients: 0,
    parts: 0,
    ucs2: 0,
    rowsWithErrors: 0,
    rowsWithWarnings: 0,
    warnings: { 'not-mobile': 0, duplicate: 0, lookalikes: 0, 'unknown-placeholder': 0 },
    duplicates: 0,
    leftOut: 0,
    partsHistogram: new Array<number>(MAX_PARTS).fill(0),
    fixable: 0,
    partsSaved: 0,
  };
  for (const row of rows) {
    if (row.duplicateOf >= 0) totals.duplicates++;
    if (leftOut !== undefined && leftOut[row.index] !== 0) {
      totals.leftOut++;
      continue;
    }
    totals.recipients++;
    totals.parts += row.parts;
    if (row.encoding === 'UCS-2') totals.ucs2++;
    if (row.errors.length > 0) totals.rowsWithErrors++;
    else if (row.warnings.length > 0) totals.rowsWithWarnings++;
    for (const warning of row.warnings) totals.warnings[warning.code]++;
    if (row.parts >= 1) totals.partsHistogram[Math.min(row.parts, MAX_PARTS) - 1]!++;
    // Only a fix not yet applied saves anything; row.fix stays set once applied.
    if (row.fix !== null && row.encoding === 'UCS-2') {
      totals.fixable++;
      totals.partsSaved += row.fix.before.parts - row.fix.after.parts;
    }
  }
  return totals;
}

/**
 * What the rows to be sent are estimated to cost, as the Node side estimates it for History
 * (core/cost.ts): parts times the price, by country where the person gave prices by country.
 */
export function costOf(
  rows: readonly PreviewRow[],
  leftOut: LeftOut | undefined,
  prices: Prices | null,
): Cost | null {
  if (prices === null) return null;
  const book = new PriceBook(prices);
  const tally = new CostTally(book);
  for (const row of rows) {
    if (leftOut !== undefined && leftOut[row.index] !== 0) continue;
    // The number is read only when prices differ by country: most lists need no texts here.
    if (book.flat) tally.addFlat(row.parts);
    else tally.add(row.msisdn, row.parts);
  }
  return tally.cost;
}
