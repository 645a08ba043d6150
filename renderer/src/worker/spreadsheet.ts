/**
 * Reads any file the person drops into sheets of text. Runs only inside the reading worker
 * (worker/read-worker.ts). `xlsx` is SheetJS Community Edition 0.20.3 (the registry's
 * `@e965/xlsx`, installed under the name `xlsx`), which fixes the flaws of npm's last `xlsx`,
 * 0.18.5, on crafted files (prototype pollution CVE-2023-30533, regular-expression denial of
 * service CVE-2024-22363). A parser of untrusted files still never runs in the page: the worker
 * reads one file, its limits hold, and the page ends it after a time limit.
 */
import * as XLSX from 'xlsx';
import type { Encoding } from '../../../core/decode';
import { cellText } from '../logic/cells';
import type { CellLike } from '../logic/cells';
import { readDelimited } from '../logic/delimited';
import type { InputDelimiter } from '../logic/delimited';
import type { Sheet } from '../logic/sheet';
import { sheetFromRows } from '../logic/sheet';
import { errorText } from '../../../core/contract/errors';

export type FileKind = 'spreadsheet' | 'text';

export type ReadOutcome =
  | {
      ok: true;
      kind: FileKind;
      sheets: Sheet[];
      /** For text files: how they were read. */
      encoding: Encoding | null;
      delimiter: InputDelimiter | null;
      /** CSV problems found while reading (a stray quote, say), in words with their row. */
      notes: string[];
    }
  | { ok: false; error: string };

export const SPREADSHEET_EXTENSIONS = ['xlsx', 'xlsm', 'xls', 'ods'];
export const TEXT_EXTENSIONS = ['csv', 'txt', 'tsv'];

/** At most this many cells are read from one workbook: a million rows of a few columns. */
export const MAX_CELLS = 20_000_000;

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

function sheetRows(sheet: XLSX.WorkSheet): string[][] {
  // Read with `dense`: 0.20 keeps the cells in `!data`, an array of rows of cells (0.18 made the
  // sheet itself that array).
  const dense: readonly ((CellLike | undefined)[] | undefined)[] = sheet['!data'] ?? [];
  const range = sheet['!ref'] ? XLSX.utils.decode_range(sheet['!ref']) : null;
  if (range === null) return [];
  const rows: string[][] = [];
  for (let r = 0; r <= range.e.r; r++) {
    const cells = dense[r];
    const row: string[] = [];
    if (cells) {
      for (let c = 0; c <= range.e.c && c < cells.length; c++) row.push(cellText(cells[c]));
    }
    rows.push(row);
  }
  return rows;
}

/** `maxCells`: MAX_CELLS, lower in a test that proves the message without 20 million cells. */
export function readSpreadsheet(
  name: string,
  bytes: Uint8Array,
  maxCells = MAX_CELLS,
): ReadOutcome {
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(bytes, {
      type: 'array',
      dense: true,
      cellHTML: false,
      cellFormula: false,
      sheetStubs: false,
    });
  } catch (error) {
    return {
      ok: false,
      error: `${name} is not a spreadsheet that can be read (${errorText(error)}). Save it again from Excel, or as CSV.`,
    };
  }
  const sheets: Sheet[] = [];
  let cells = 0;
  for (const sheetName of workbook.SheetNames) {
    const sheet = workbook.Sheets[sheetName];
    if (!sheet) continue;
    const rows = sheetRows(sheet);
    for (const row of rows) cells += row.length;
    if (cells > maxCells) {
      return {
        ok: false,
        error: `${name} has more than ${maxCells.toLocaleString('en-US')} cells: split it into smaller files.`,
      };
    }
    sheets.push(sheetFromRows(sheetName, rows));
  }
  if (sheets.length === 0) return { ok: false, error: `${name} has no sheets.` };
  return { ok: true, kind: 'spreadsheet', sheets, encoding: null, delimiter: null, notes: [] };
}

export function readAnyFile(name: string, bytes: Uint8Array): ReadOutcome {
  const extension = extensionOf(name);
  if (SPREADSHEET_EXTENSIONS.includes(extension)) return readSpreadsheet(name, bytes);
  if (TEXT_EXTENSIONS.includes(extension) || extension === '') {
    const read = readDelimited(name, bytes);
    if (!read.ok) return read;
    return {
      ok: true,
      kind: 'text',
      sheets: [read.sheet],
      encoding: read.encoding,
      delimiter: read.delimiter,
      notes: read.problems.map((p) => `Row ${p.row}: ${p.message}`),
    };
  }
  return {
    ok: false,
    error: `${name} is not a file Sendsheet reads: open an Excel (.xlsx, .xls), OpenDocument (.ods), CSV or text file.`,
  };
}
