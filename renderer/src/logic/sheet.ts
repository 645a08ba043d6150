/** A table as the app reads it from any file: the header row's names, then rows of text. */
export interface Sheet {
  name: string;
  header: string[];
  /** Data rows, each as long as the header (missing cells are ''). */
  rows: string[][];
  /** Row numbers as the spreadsheet numbers them (header row 1), one per data row. */
  sourceRows: number[];
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
  const rows: string[][] = [];
  const sourceRows: number[] = [];
  for (let i = first + 1; i < raw.length; i++) {
    const row = raw[i]!;
    if (isBlank(row)) continue;
    const cells = new Array<string>(width);
    for (let c = 0; c < width; c++) cells[c] = row[c] ?? '';
    rows.push(cells);
    sourceRows.push(i + 1);
  }
  return { name, header, rows, sourceRows };
}

function isBlank(row: readonly string[]): boolean {
  for (const cell of row) if (cell.trim() !== '') return false;
  return true;
}

/** `Column 3` for an empty name, `Name (2)` for the second `Name`. */
function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((raw, index) => {
    const name = raw === '' ? `Column ${index + 1}` : raw;
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}
