/**
 * A read file's sheets as they cross from the reading worker to the page: each column's text
 * as UTF-8 bytes and its ends, row numbers as an Int32Array, all in buffers that are transferred
 * (moved, not copied), so the page's thread decodes each column in one native call instead of
 * rebuilding cloned strings, and the worker's copy is not held twice while the page takes it.
 * A column with a lone surrogate (which UTF-8 cannot hold) crosses as its string, cloned.
 */
import type { Sheet } from '../logic/sheet';
import type { ReadOutcome } from './read-outcome';

/** A column's text: its UTF-8 bytes, or the string itself where UTF-8 would change it. */
type PackedText = Uint8Array | string;

export interface PackedSheet {
  name: string;
  header: string[];
  rowCount: number;
  texts: PackedText[];
  ends: Uint32Array[];
  sourceRows: Int32Array;
}

export type PackedOutcome =
  | (Omit<Extract<ReadOutcome, { ok: true }>, 'sheets'> & { sheets: PackedSheet[] })
  | Extract<ReadOutcome, { ok: false }>;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function isWellFormed(text: string): boolean {
  // String.prototype.isWellFormed (ES2024) scans natively; the pattern is for older engines.
  const native = (text as { isWellFormed?: () => boolean }).isWellFormed;
  return native ? native.call(text) : !LONE_SURROGATE.test(text);
}

function packText(text: string, encoder: TextEncoder): PackedText {
  return isWellFormed(text) ? encoder.encode(text) : text;
}

/** The outcome with its sheets in buffers, and the buffers to transfer with it. */
export function packOutcome(outcome: ReadOutcome): {
  packed: PackedOutcome;
  transfer: ArrayBuffer[];
} {
  if (!outcome.ok) return { packed: outcome, transfer: [] };
  const encoder = new TextEncoder();
  const transfer: ArrayBuffer[] = [];
  const keep = <T extends Uint8Array | Uint32Array | Int32Array>(array: T): T => {
    // A view of part of a larger buffer (or one buffer twice) would move more than it holds.
    const own =
      array.byteOffset === 0 && array.byteLength === array.buffer.byteLength
        ? array
        : (array.slice() as T);
    if (!transfer.includes(own.buffer as ArrayBuffer)) transfer.push(own.buffer as ArrayBuffer);
    return own;
  };
  const sheets = outcome.sheets.map((sheet): PackedSheet => {
    const texts = sheet.columns.map((column) => {
      const text = packText(column.text, encoder);
      return typeof text === 'string' ? text : keep(text);
    });
    const ends = sheet.columns.map((column) => keep(column.ends));
    return {
      name: sheet.name,
      header: sheet.header,
      rowCount: sheet.rowCount,
      texts,
      ends,
      sourceRows: keep(Int32Array.from(sheet.sourceRows)),
    };
  });
  return { packed: { ...outcome, sheets }, transfer };
}

/** The outcome as the page uses it: each column's text a string again. */
export function unpackOutcome(packed: PackedOutcome): ReadOutcome {
  if (!packed.ok) return packed;
  // ignoreBOM: a first cell that starts with U+FEFF keeps it, as the clone would.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const sheets = packed.sheets.map((sheet): Sheet => ({
    name: sheet.name,
    header: sheet.header,
    rowCount: sheet.rowCount,
    columns: sheet.texts.map((text, index) => ({
      text: typeof text === 'string' ? text : decoder.decode(text),
      ends: sheet.ends[index]!,
    })),
    sourceRows: Array.from(sheet.sourceRows),
  }));
  return { ...packed, sheets };
}
