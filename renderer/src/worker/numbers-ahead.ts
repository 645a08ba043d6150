/**
 * The numbers of the sheet's guessed number column, parsed in the reading worker after it has
 * posted the sheet, while the page reads the messages (logic/columns-ahead.ts): the worker's
 * second message. The column crosses as the sheet does: texts as strings, the rest in
 * transferred buffers.
 */
import { readNumbers } from '../logic/columns';
import type { NumberColumn } from '../logic/columns';
import { guessMapping } from '../logic/mapping';
import type { CountryCode, NumberVerdict } from '../logic/phone';
import { listSheetIndex } from '../logic/sheet';
import type { Sheet } from '../logic/sheet';
import type { TextColumn } from '../logic/text-column';

const VERDICTS: readonly NumberVerdict[] = ['mobile', 'not-mobile', 'invalid'];

/** A NumberColumn without its typed column (the page has it: the sheet's own). */
export interface PackedNumbers {
  sheet: number;
  column: number;
  country: CountryCode;
  msisdns: TextColumn;
  verdicts: Uint8Array;
  notes: TextColumn;
  duplicates: Int32Array;
}

export function packNumbers(
  numbers: NumberColumn,
  at: { sheet: number; column: number; country: CountryCode },
): { packed: PackedNumbers; transfer: ArrayBuffer[] } {
  const verdicts = new Uint8Array(numbers.verdicts.length);
  numbers.verdicts.forEach((verdict, index) => (verdicts[index] = VERDICTS.indexOf(verdict)));
  // readNumbers made these arrays, each its own buffer: moved, not copied.
  const { msisdns, notes, duplicates } = numbers;
  return {
    packed: { ...at, msisdns, verdicts, notes, duplicates },
    transfer: [msisdns.ends, notes.ends, verdicts, duplicates].map(
      (array) => array.buffer as ArrayBuffer,
    ),
  };
}

/** The NumberColumn again, its typed column the page's sheet's own; null if it is not that sheet's. */
export function unpackNumbers(
  packed: PackedNumbers,
  sheets: readonly Sheet[],
): NumberColumn | null {
  const typed = sheets[packed.sheet]?.columns[packed.column];
  if (typed === undefined || typed.ends.length !== packed.verdicts.length) return null;
  return {
    typed,
    msisdns: packed.msisdns,
    verdicts: Array.from(packed.verdicts, (code) => VERDICTS[code]!),
    notes: packed.notes,
    duplicates: packed.duplicates,
  };
}

/**
 * What the worker will parse once the sheets are posted (their buffers are moved with them, so
 * the number column is copied now), or null when the list has no number column to guess.
 */
export function numbersJob(
  sheets: readonly Sheet[],
  country: CountryCode,
): (() => { packed: PackedNumbers; transfer: ArrayBuffer[] }) | null {
  const sheetIndex = listSheetIndex(sheets);
  const sheet = sheets[sheetIndex]!;
  const column = guessMapping(sheet).msisdn;
  const cells = column === null ? undefined : sheet.columns[column];
  if (column === null || cells === undefined) return null;
  const own: Sheet = {
    ...sheet,
    columns: sheet.columns.map((_, index) =>
      index === column
        ? { text: cells.text, ends: cells.ends.slice() }
        : { text: '', ends: new Uint32Array(0) },
    ),
  };
  return () =>
    packNumbers(readNumbers(own, column, country), { sheet: sheetIndex, column, country });
}
