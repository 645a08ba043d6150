/**
 * The reading worker of the pipeline bench, run in Chromium beside the app's: SheetJS's bare
 * read of a workbook (the floor), or the app's own reading (renderer/src/worker/spreadsheet.ts),
 * its result posted as a plain structured clone or as the app posts it (renderer/src/worker/transfer.ts: texts cloned a piece
 * a message, ahead of the rest, ends and row numbers in transferred buffers). Each run is a fresh worker, as the app starts one per file.
 */
import * as XLSX from 'xlsx';
import { readAnyFile } from '../../renderer/src/worker/spreadsheet';
import { packOutcome } from '../../renderer/src/worker/transfer';

export type ReadMode = 'bare' | 'bare-app-options' | 'app' | 'app-transfer';

export interface ReadTimes {
  /** ms of the read itself (the whole of the app's reading, for `app` and `app-transfer`). */
  readMs: number;
  /** For `app-transfer`: ms to pack the outcome (packOutcome: the arrays into own buffers). */
  packMs: number;
  /**
   * ms that postMessage took here, for the pieces of text and the result (the structured clone
   * is made as it is called).
   */
  postMs: number;
  /** When the result was posted, after its pieces of text, ms since the epoch. */
  postedAt: number;
  cells: number;
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

scope.onmessage = (event) => {
  const { mode, name, bytes } = event.data;
  const data = new Uint8Array(bytes);
  const started = performance.now();
  let result: unknown;
  let cells = 0;
  let packMs = 0;
  let transfer: ArrayBuffer[] = [];
  let pieces: string[] = [];
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
      const packed = packOutcome(outcome);
      packMs = performance.now() - packing;
      result = packed.packed;
      transfer = packed.transfer;
      pieces = packed.pieces;
    }
  }
  const readMs = performance.now() - started - packMs;
  const posting = performance.now();
  // As the app posts them: each piece of text its own message, ahead of the rest.
  for (const piece of pieces) scope.postMessage({ piece });
  const postedAt = performance.timeOrigin + performance.now();
  scope.postMessage({ result, postedAt }, transfer);
  const postMs = performance.now() - posting;
  scope.postMessage({ times: { readMs, packMs, postMs, postedAt, cells } satisfies ReadTimes });
};
