import { packTexts, textAt } from './text-column';
import type { TextColumn } from './text-column';

/** A table as the app reads it from any file: the header row's names, then rows of text. */
export interface Sheet {
  name: string;
  header: string[];
  /** How many data rows. */
  rowCount: number;
  /**
   * The data rows' cells, one column per header name (missing cells are ''). Kept as columns,
   * not rows of strings: see TextColumn. Plain data, so a worker can post it.
   */
  columns: TextColumn[];
  /** Row numbers as the spreadsheet numbers them (header row 1), one per data row. */
  sourceRows: number[];
}

/** A column's cells, or null for no column. */
export function columnAt(sheet: Sheet, column: number | null): TextColumn | null {
  return column === null ? null : (sheet.columns[column] ?? null);
}

/** The cell of a data row in a column, '' for no column. */
export function cellAt(sheet: Sheet, row: number, column: number | null): string {
  const cells = columnAt(sheet, column);
  return cells === null ? '' : textAt(cells, row);
}

/** A data row's cells, as long as the header. */
export function rowAt(sheet: Sheet, row: number): string[] {
  return sheet.columns.map((cells) => textAt(cells, row));
}

/** Every data row as an array of cells: for tests and small sheets, not for 100,000 rows. */
export function allRows(sheet: Sheet): string[][] {
  return Array.from({ length: sheet.rowCount }, (_, row) => rowAt(sheet, row));
}

/**
 * Makes a sheet from raw rows: the first non-blank row is the header, blank rows are left out,
 * every row is cut or padded to the header's length, and header names are made unique and
 * non-empty so that each column can be chosen by name.
 */
export function sheetFromRows(name: string, raw: readonly (readonly string[])[]): Sheet {
  let first = 0;
  while (first < raw.length && isBlank(raw[first]!)) first++;
  const headerRow = raw[first] ?? [];
  let width = headerRow.length;
  for (let i = first + 1; i < raw.length; i++) width = Math.max(width, raw[i]!.length);
  const header = uniqueNames(Array.from({ length: width }, (_, i) => (headerRow[i] ?? '').trim()));
  const cells: string[][] = Array.from({ length: width }, () => []);
  const sourceRows: number[] = [];
  for (let i = first + 1; i < raw.length; i++) {
    const row = raw[i]!;
    if (isBlank(row)) continue;
    for (let c = 0; c < width; c++) cells[c]!.push(row[c] ?? '');
    sourceRows.push(i + 1);
  }
  return {
    name,
    header,
    rowCount: sourceRows.length,
    columns: cells.map((texts) => packTexts(texts)),
    sourceRows,
  };
}

function isBlank(row: readonly string[]): boolean {
  for (const cell of row) if (cell.trim() !== '') return false;
  return true;
}

/** `Column 3` for an empty name, `Name (2)` for the second `Name`. */
export function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((raw, index) => {
    const name = raw === '' ? `Column ${index + 1}` : raw;
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}
