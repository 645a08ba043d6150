/**
 * A read file's sheets as they cross from the reading worker to the page: each column's text as
 * its string (a structured clone), its ends and the row numbers as typed arrays in buffers that
 * are transferred (moved, not copied). The texts crossed as UTF-8 bytes before (TextEncoder in
 * the worker, TextDecoder on the page): measured in Chromium at Excel's whole sheet, that took
 * two to three times the clone, and more of the page's thread, as a column of messages with a
 * dash in them is a two-byte string, which the clone copies and UTF-8 must encode and decode
 * again (bench/PROFILE.md).
 */
import type { Sheet } from '../logic/sheet';
import type { ReadOutcome } from './read-outcome';

export interface PackedSheet {
  name: string;
  header: string[];
  rowCount: number;
  texts: string[];
  ends: Uint32Array[];
  sourceRows: Int32Array;
}

export type PackedOutcome =
  | (Omit<Extract<ReadOutcome, { ok: true }>, 'sheets'> & { sheets: PackedSheet[] })
  | Extract<ReadOutcome, { ok: false }>;

/** The outcome with its sheets' arrays in buffers, and the buffers to transfer with it. */
export function packOutcome(outcome: ReadOutcome): {
  packed: PackedOutcome;
  transfer: ArrayBuffer[];
} {
  if (!outcome.ok) return { packed: outcome, transfer: [] };
  const transfer: ArrayBuffer[] = [];
  const keep = <T extends Uint32Array | Int32Array>(array: T): T => {
    // A view of part of a larger buffer (or one buffer twice) would move more than it holds.
    const own =
      array.byteOffset === 0 && array.byteLength === array.buffer.byteLength
        ? array
        : (array.slice() as T);
    if (!transfer.includes(own.buffer as ArrayBuffer)) transfer.push(own.buffer as ArrayBuffer);
    return own;
  };
  const sheets = outcome.sheets.map((sheet): PackedSheet => ({
    name: sheet.name,
    header: sheet.header,
    rowCount: sheet.rowCount,
    texts: sheet.columns.map((column) => column.text),
    ends: sheet.columns.map((column) => keep(column.ends)),
    sourceRows: keep(Int32Array.from(sheet.sourceRows)),
  }));
  return { packed: { ...outcome, sheets }, transfer };
}

/** The outcome as the page uses it: each column a TextColumn again. */
export function unpackOutcome(packed: PackedOutcome): ReadOutcome {
  if (!packed.ok) return packed;
  const sheets = packed.sheets.map((sheet): Sheet => ({
    name: sheet.name,
    header: sheet.header,
    rowCount: sheet.rowCount,
    columns: sheet.texts.map((text, index) => ({ text, ends: sheet.ends[index]! })),
    sourceRows: Array.from(sheet.sourceRows),
  }));
  return { ...packed, sheets };
}
