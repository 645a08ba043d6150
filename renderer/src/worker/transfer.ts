/**
 * A read file's sheets as they cross from the reading worker to the page: each column's texts
 * as strings, a piece at a time (TextColumn), posted ahead of the rest, each a message of its
 * own; then the outcome, with each column's ends and the row numbers as typed arrays in
 * buffers that are transferred (moved, not copied). A structured clone copies a string twice,
 * once into the message in the worker and once out of it on the page: in pieces the page makes
 * one piece's strings while the worker copies the next. The texts crossed as UTF-8 bytes
 * before (TextEncoder in the worker, TextDecoder on the page): measured in Chromium at Excel's
 * whole sheet, that took two to three times the clone, and more of the page's thread, as a
 * column of messages with a dash in them is a two-byte string, which the clone copies and
 * UTF-8 must encode and decode again (bench/PROFILE.md).
 */
import type { Sheet } from '../logic/sheet';
import { pieceCount, textUnits } from '../logic/text-column';
import type { TextColumn } from '../logic/text-column';
import type { ReadOutcome } from './read-outcome';

export interface PackedSheet {
  name: string;
  header: string[];
  rowCount: number;
  /** How many of the pieces posted ahead each column takes, in order. */
  pieceCounts: number[];
  /** log2 of each column's texts a piece. */
  shifts: number[];
  /** The characters of all its texts: what its strings take on the page. */
  units: number;
  ends: Uint32Array[];
  sourceRows: Int32Array;
}

export type PackedOutcome =
  | (Omit<Extract<ReadOutcome, { ok: true }>, 'sheets'> & { sheets: PackedSheet[] })
  | Extract<ReadOutcome, { ok: false }>;

/** The outcome packed: the texts' pieces to post first, in order, then the outcome itself. */
export interface Packed {
  pieces: string[];
  packed: PackedOutcome;
  /** The buffers to transfer with the outcome. */
  transfer: ArrayBuffer[];
}

/** The outcome with its sheets' arrays in buffers, and the buffers to transfer with it. */
export function packOutcome(outcome: ReadOutcome): Packed {
  if (!outcome.ok) return { pieces: [], packed: outcome, transfer: [] };
  const transfer: ArrayBuffer[] = [];
  const pieces: string[] = [];
  const keep = <T extends Uint32Array | Int32Array>(array: T): T => {
    // A view of part of a larger buffer (or one buffer twice) would move more than it holds.
    const own =
      array.byteOffset === 0 && array.byteLength === array.buffer.byteLength
        ? array
        : (array.slice() as T);
    if (!transfer.includes(own.buffer as ArrayBuffer)) transfer.push(own.buffer as ArrayBuffer);
    return own;
  };
  const sheets = outcome.sheets.map((sheet): PackedSheet => {
    let units = 0;
    for (const column of sheet.columns) {
      units += textUnits(column);
      pieces.push(...column.pieces);
    }
    return {
      name: sheet.name,
      header: sheet.header,
      rowCount: sheet.rowCount,
      pieceCounts: sheet.columns.map((column) => column.pieces.length),
      shifts: sheet.columns.map((column) => column.shift),
      units,
      ends: sheet.columns.map((column) => keep(column.ends)),
      sourceRows: keep(Int32Array.from(sheet.sourceRows)),
    };
  });
  return { pieces, packed: { ...outcome, sheets }, transfer };
}

/**
 * The outcome as the page uses it, each column a TextColumn again, from the pieces posted
 * ahead of it; null when they are not the pieces it counts (one missing or left over).
 */
export function unpackOutcome(
  packed: PackedOutcome,
  pieces: readonly string[],
): ReadOutcome | null {
  if (!packed.ok) return pieces.length === 0 ? packed : null;
  let next = 0;
  const sheets: Sheet[] = [];
  for (const sheet of packed.sheets) {
    const columns: TextColumn[] = [];
    for (const [index, ends] of sheet.ends.entries()) {
      const count = sheet.pieceCounts[index]!;
      const shift = sheet.shifts[index]!;
      if (count !== pieceCount(ends.length, shift) || next + count > pieces.length) return null;
      columns.push({ pieces: pieces.slice(next, next + count), ends, shift });
      next += count;
    }
    sheets.push({
      name: sheet.name,
      header: sheet.header,
      rowCount: sheet.rowCount,
      columns,
      sourceRows: Array.from(sheet.sourceRows),
    });
  }
  return next === pieces.length ? { ...packed, sheets } : null;
}
