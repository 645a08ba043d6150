/**
 * Which preview rows each uploaded file holds, so that a rejection's rows (the server numbers a
 * file's rows with the header as row 1, SPEC 8) lead back to the rows the person sees.
 */

export interface FileRows {
  /** Messages in the file. */
  rows: number;
}

/** For each file, in order, the preview row index of each of its messages. */
export function rowsOfFiles(files: readonly FileRows[], rowOf: readonly number[]): number[][] {
  const result: number[][] = [];
  let first = 0;
  for (const file of files) {
    result.push(rowOf.slice(first, first + file.rows));
    first += file.rows;
  }
  return result;
}

/** The preview row index of a row the server named in a file, or null when it names none. */
export function previewRowOf(fileRow: number | null, rowOf: readonly number[]): number | null {
  if (fileRow === null) return null;
  // Row 1 is the header; the file's first message is row 2.
  return rowOf[fileRow - 2] ?? null;
}
