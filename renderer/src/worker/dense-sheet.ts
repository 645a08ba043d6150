/**
 * A SheetJS sheet read with `dense` made into the app's Sheet in one pass, row by row, each row
 * of the workbook let go once its texts are in the columns. The plain way (a row of strings for
 * each row, then the rows into columns: `sheetFromRows`) made an array per row and held the
 * workbook's cells and every row's strings at once: at Excel's whole sheet that is a million
 * arrays and three million cell objects more for the reading worker's collector to mark, near
 * the worker's heap limit. The sheet made is the same (dense-sheet.test.ts proves it against the
 * plain way on random sheets).
 */
import { cellText } from '../logic/cells';
import type { CellLike } from '../logic/cells';
import type { Sheet } from '../logic/sheet';
import { uniqueNames } from '../logic/sheet';
import { packTexts } from '../logic/text-column';

/** A dense sheet's rows of cells, as SheetJS 0.20 keeps them in `!data`. */
export type DenseRows = ((CellLike | undefined)[] | undefined)[];

/** Rows read between two reports of progress. */
export const ROWS_PER_REPORT = 10_000;

/** How many cells of each row are read: up to the sheet's last column (`lastColumn`). */
export function rowLengths(dense: DenseRows, rowCount: number, lastColumn: number): Int32Array {
  const lengths = new Int32Array(rowCount);
  for (let r = 0; r < rowCount; r++) {
    const cells = dense[r];
    lengths[r] = cells ? Math.min(lastColumn + 1, cells.length) : 0;
  }
  return lengths;
}

/**
 * The sheet of `rowCount` rows of `dense` (the first non-blank row its header), with
 * `lengths` from rowLengths. Each row of `dense` is emptied once read: the caller no longer
 * needs the workbook. `onRow(r)` is told after every ROWS_PER_REPORT rows.
 */
export function sheetFromDense(
  name: string,
  dense: DenseRows,
  lengths: Int32Array,
  onRow: (rowsDone: number) => void = () => {},
): Sheet {
  const rowCount = lengths.length;
  // One row's texts at a time, reused: no array is made per row.
  const texts: string[] = [];
  const readRow = (r: number): boolean => {
    const cells = dense[r];
    const length = lengths[r]!;
    let blank = true;
    for (let c = 0; c < length; c++) {
      const text = cellText(cells![c]);
      texts[c] = text;
      if (blank && text.trim() !== '') blank = false;
    }
    dense[r] = undefined;
    if (r % ROWS_PER_REPORT === ROWS_PER_REPORT - 1) onRow(r + 1);
    return blank;
  };
  let first = 0;
  while (first < rowCount && readRow(first)) first++;
  const headerLength = first < rowCount ? lengths[first]! : 0;
  let width = headerLength;
  for (let r = first + 1; r < rowCount; r++) width = Math.max(width, lengths[r]!);
  const header = uniqueNames(
    Array.from({ length: width }, (_, c) => (c < headerLength ? texts[c]!.trim() : '')),
  );
  const columns: string[][] = Array.from({ length: width }, () => []);
  const sourceRows: number[] = [];
  for (let r = first + 1; r < rowCount; r++) {
    if (readRow(r)) continue;
    const length = lengths[r]!;
    for (let c = 0; c < width; c++) columns[c]!.push(c < length ? texts[c]! : '');
    sourceRows.push(r + 1);
  }
  return {
    name,
    header,
    rowCount: sourceRows.length,
    columns: columns.map((cells, c) => {
      const packed = packTexts(cells);
      // Let go of the column's strings as soon as they are joined.
      columns[c] = [];
      return packed;
    }),
    sourceRows,
  };
}
