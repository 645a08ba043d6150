/**
 * Reads any file the person drops into sheets of text. Runs only inside the reading worker
 * (worker/read-worker.ts). `xlsx` is SheetJS Community Edition 0.20.3 (the registry's
 * `@e965/xlsx`, installed under the name `xlsx`), which fixes the flaws of npm's last `xlsx`,
 * 0.18.5, on crafted files (prototype pollution CVE-2023-30533, regular-expression denial of
 * service CVE-2024-22363). A parser of untrusted files still never runs in the page: the worker
 * reads one file, its limits hold, and the page ends it after a time limit.
 */
import * as XLSX from 'xlsx';
import { errorText } from '../../../core/contract/errors';
import { readDelimited } from '../logic/delimited';
import type { Sheet } from '../logic/sheet';
import { rowLengths, sheetFromDense } from './dense-sheet';
import type { DenseRows } from './dense-sheet';
import { oleContent, signatureOf, sniff, zipContent, zipEntries } from './file-type';
import type { OtherFileType } from './file-type';
import { fitsIn, readNeed } from './memory-fit';
import type { ReadFailure, ReadOutcome } from './read-outcome';

export type { FileKind, ReadOutcome } from './read-outcome';

export const SPREADSHEET_EXTENSIONS = ['xlsx', 'xlsm', 'xls', 'ods'];
export const TEXT_EXTENSIONS = ['csv', 'txt', 'tsv'];

/** At most this many cells are read from one workbook: a million rows of a few columns. */
export const MAX_CELLS = 20_000_000;

/** Told how many rows are read so far, now and then. */
export type OnRows = (rows: number) => void;

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

function failed(failure: ReadFailure): ReadOutcome {
  return { ok: false, failure };
}

/** A file with nothing in it: no sheet has as much as a header. */
function isEmpty(sheets: readonly Sheet[]): boolean {
  return sheets.every((sheet) => sheet.header.length === 0);
}

export function readSpreadsheet(
  name: string,
  bytes: Uint8Array,
  onRows: OnRows = () => {},
  /** MAX_CELLS; lower in a test that proves the message without 20 million cells. */
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
    return failed({ code: 'damaged', name, detail: errorText(error) });
  }
  const sheets: Sheet[] = [];
  let cells = 0;
  let rowsRead = 0;
  for (const sheetName of workbook.SheetNames) {
    const sheet = workbook.Sheets[sheetName];
    if (!sheet) continue;
    // Read with `dense`: 0.20 keeps the cells in `!data`, an array of rows of cells (0.18 made
    // the sheet itself that array).
    const dense: DenseRows = sheet['!data'] ?? [];
    const range = sheet['!ref'] ? XLSX.utils.decode_range(sheet['!ref']) : null;
    const lengths = rowLengths(dense, range === null ? 0 : range.e.r + 1, range?.e.c ?? 0);
    // Counted before the texts are made: a workbook over the cap is refused without them.
    for (const length of lengths) cells += length;
    if (cells > maxCells) return failed({ code: 'too-many-cells', name, limit: maxCells });
    const done = rowsRead;
    sheets.push(sheetFromDense(sheetName, dense, lengths, (rows) => onRows(done + rows)));
    rowsRead += lengths.length;
    // Each sheet's cells are let go once it is read.
    Reflect.deleteProperty(workbook.Sheets, sheetName);
  }
  if (sheets.length === 0) return failed({ code: 'no-sheets', name });
  if (isEmpty(sheets)) return failed({ code: 'empty', name });
  return { ok: true, kind: 'spreadsheet', sheets, encoding: null, delimiter: null, notes: [] };
}

function readText(name: string, bytes: Uint8Array, onRows: OnRows): ReadOutcome {
  const read = readDelimited(name, bytes, onRows);
  if (!read.ok) {
    return failed({ code: 'not-text', name, problem: read.problem, signature: signatureOf(bytes) });
  }
  if (read.binary) {
    return failed({ code: 'not-text', name, problem: null, signature: signatureOf(bytes) });
  }
  if (isEmpty([read.sheet])) return failed({ code: 'empty', name });
  return {
    ok: true,
    kind: 'text',
    sheets: [read.sheet],
    encoding: read.encoding,
    delimiter: read.delimiter,
    notes: read.problems,
  };
}

/** The names of an OLE2 file's streams; none when it cannot be read as one. */
function oleNames(bytes: Uint8Array): string[] {
  try {
    const container = XLSX.CFB.read(bytes, { type: 'array' }) as { FileIndex: { name: string }[] };
    return container.FileIndex.map((entry) => entry.name);
  } catch {
    return [];
  }
}

function notSpreadsheet(name: string, bytes: Uint8Array, type: OtherFileType): ReadOutcome {
  return failed({ code: 'not-spreadsheet', name, type, signature: signatureOf(bytes) });
}

/**
 * Reads a file by what it is, told by its first bytes, and by its name's extension only when
 * the bytes do not tell: text has no signature. Given the heap's limit (`heapLimit`, bytes), a
 * file whose reading would not fit in it is refused unread: a heap that runs out ends the whole
 * tab in Chromium (memory-fit.ts).
 */
export function readAnyFile(
  name: string,
  bytes: Uint8Array,
  onRows: OnRows = () => {},
  heapLimit: number | null = null,
): ReadOutcome {
  if (bytes.length === 0) return failed({ code: 'empty', name });
  const heap = heapLimit === null ? null : { limit: heapLimit, used: 0 };
  const tooLarge = failed({ code: 'too-large-for-memory', name });
  const fileFits = () => fitsIn(readNeed({ fileBytes: bytes.length }), heap);
  const sniffed = sniff(bytes);
  switch (sniffed.kind) {
    case 'other':
      return notSpreadsheet(name, bytes, sniffed.type);
    case 'zip': {
      const entries = zipEntries(bytes);
      const content =
        entries === null
          ? 'workbook'
          : zipContent(
              bytes,
              entries.map((entry) => entry.name),
            );
      if (content !== 'workbook') return notSpreadsheet(name, bytes, content);
      // A workbook's parts are packed: its unpacked size is what reading it takes.
      const unpacked = entries?.reduce((sum, entry) => sum + entry.unpacked, 0) ?? 0;
      if (!fitsIn(readNeed({ unpacked: Math.max(unpacked, bytes.length) }), heap)) return tooLarge;
      return readSpreadsheet(name, bytes, onRows);
    }
    case 'ole': {
      const names = oleNames(bytes);
      // A container that cannot be listed is left to the reader, which says what is wrong.
      const content = names.length === 0 ? 'workbook' : oleContent(names);
      if (content === 'password') return failed({ code: 'password', name });
      if (content !== 'workbook') return notSpreadsheet(name, bytes, content);
      if (!fileFits()) return tooLarge;
      return readSpreadsheet(name, bytes, onRows);
    }
  }
  const extension = extensionOf(name);
  const read = SPREADSHEET_EXTENSIONS.includes(extension)
    ? readSpreadsheet
    : TEXT_EXTENSIONS.includes(extension) || extension === ''
      ? readText
      : null;
  if (read === null) return failed({ code: 'unsupported', name });
  return fileFits() ? read(name, bytes, onRows) : tooLarge;
}
