/**
 * The reading worker of the pipeline bench, run in Chromium beside the app's: SheetJS's bare
 * read of a workbook (the floor), or the app's own reading (renderer/src/worker/spreadsheet.ts),
 * its result posted as the app posts it (a structured clone) or with its texts as transferred
 * buffers. Each run is a fresh worker, as the app starts one per file.
 */
import * as XLSX from 'xlsx';
import { readAnyFile } from '../../renderer/src/worker/spreadsheet';
import type { ReadOutcome } from '../../renderer/src/worker/spreadsheet';

export type ReadMode = 'bare' | 'bare-app-options' | 'app' | 'app-transfer';

export interface ReadTimes {
  /** ms of the read itself (the whole of the app's reading, for `app` and `app-transfer`). */
  readMs: number;
  /** For `app-transfer`: ms to put the texts into buffers. */
  packMs: number;
  /** ms that postMessage took here (the structured clone is made as it is called). */
  postMs: number;
  /** When the result was posted, ms since the epoch. */
  postedAt: number;
  cells: number;
}

/** A sheet's texts as buffers: each column's text as UTF-16 code units. */
export interface PackedSheet {
  name: string;
  header: string[];
  rowCount: number;
  texts: Uint16Array[];
  ends: Uint32Array[];
  sourceRows: Int32Array;
}

interface Scope {
  onmessage:
    ((event: MessageEvent<{ mode: ReadMode; name: string; bytes: ArrayBuffer }>) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
}
const scope = self as unknown as Scope;

/** The options the app reads with (renderer/src/worker/spreadsheet.ts). */
const APP_OPTIONS: XLSX.ParsingOptions = {
  type: 'array',
  dense: true,
  cellHTML: false,
  cellFormula: false,
  sheetStubs: false,
};

function pack(outcome: Extract<ReadOutcome, { ok: true }>): {
  sheets: PackedSheet[];
  buffers: ArrayBuffer[];
} {
  const buffers: ArrayBuffer[] = [];
  const sheets = outcome.sheets.map((sheet) => {
    const texts = sheet.columns.map((column) => {
      const units = new Uint16Array(column.text.length);
      for (let i = 0; i < column.text.length; i++) units[i] = column.text.charCodeAt(i);
      return units;
    });
    const ends = sheet.columns.map((column) => column.ends);
    const sourceRows = Int32Array.from(sheet.sourceRows);
    for (const array of [...texts, ...ends, sourceRows]) buffers.push(array.buffer as ArrayBuffer);
    return {
      name: sheet.name,
      header: sheet.header,
      rowCount: sheet.rowCount,
      texts,
      ends,
      sourceRows,
    };
  });
  return { sheets, buffers };
}

scope.onmessage = (event) => {
  const { mode, name, bytes } = event.data;
  const data = new Uint8Array(bytes);
  const started = performance.now();
  let result: unknown;
  let cells = 0;
  let packMs = 0;
  let transfer: ArrayBuffer[] = [];
  if (mode === 'bare' || mode === 'bare-app-options') {
    const book = XLSX.read(data, mode === 'bare' ? { type: 'array' } : APP_OPTIONS);
    for (const sheet of Object.values(book.Sheets)) {
      const ref = sheet['!ref'];
      if (ref) {
        const range = XLSX.utils.decode_range(ref);
        cells += (range.e.r - range.s.r + 1) * (range.e.c - range.s.c + 1);
      }
    }
    result = null;
  } else {
    const outcome = readAnyFile(name, data);
    if (outcome.ok) {
      for (const sheet of outcome.sheets) cells += sheet.rowCount * sheet.header.length;
    }
    result = outcome;
    if (mode === 'app-transfer' && outcome.ok) {
      const packing = performance.now();
      const packed = pack(outcome);
      packMs = performance.now() - packing;
      result = { ...outcome, sheets: packed.sheets };
      transfer = packed.buffers;
    }
  }
  const readMs = performance.now() - started - packMs;
  const postedAt = performance.timeOrigin + performance.now();
  const posting = performance.now();
  scope.postMessage({ result, postedAt }, transfer);
  const postMs = performance.now() - posting;
  scope.postMessage({ times: { readMs, packMs, postMs, postedAt, cells } satisfies ReadTimes });
};
