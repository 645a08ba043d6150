import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { cellText } from '../logic/cells';
import type { CellLike } from '../logic/cells';
import { sheetFromRows } from '../logic/sheet';
import type { Sheet } from '../logic/sheet';
import { ROWS_PER_REPORT, rowLengths, sheetFromDense } from './dense-sheet';
import type { DenseRows } from './dense-sheet';
import { readSpreadsheet } from './spreadsheet';

/** The plain way: a row of strings for each row of the sheet, then the rows into columns. */
function plainSheet(name: string, dense: DenseRows, rowCount: number, lastColumn: number): Sheet {
  const rows: string[][] = [];
  for (let r = 0; r < rowCount; r++) {
    const cells = dense[r];
    const row: string[] = [];
    if (cells)
      for (let c = 0; c <= lastColumn && c < cells.length; c++) row.push(cellText(cells[c]));
    rows.push(row);
  }
  return sheetFromRows(name, rows);
}

const cell: fc.Arbitrary<CellLike | undefined> = fc.oneof(
  fc.constant(undefined),
  fc
    .constantFrom('', ' ', '\t', 'Navn', 'Navn ', ' Telefon', 'Hej – Søren', 'x')
    .map((v) => ({ t: 's', v })),
  fc.oneof(fc.integer(), fc.double({ noNaN: true })).map((v) => ({ t: 'n', v, w: String(v) })),
  fc.boolean().map((v) => ({ t: 'b', v })),
  fc.constant({ t: 'e', v: 42, w: '#N/A' }),
);

/** Rows as SheetJS leaves them: missing rows, rows with holes, rows longer than the range. */
const denseSheet = fc.record({
  rows: fc.array(fc.option(fc.array(cell, { maxLength: 6 }), { nil: undefined }), {
    maxLength: 25,
  }),
  lastColumn: fc.integer({ min: 0, max: 6 }),
  extraRows: fc.integer({ min: 0, max: 3 }),
});

/** A copy of the rows, with holes where the original has them (sheetFromDense empties its own). */
function copyOf(rows: DenseRows): DenseRows {
  return rows.map((row) => (row === undefined ? undefined : row.slice()));
}

describe('a dense sheet made into columns in one pass (issue 16)', () => {
  it('makes the same sheet as the plain way: header, rows, row numbers', () => {
    fc.assert(
      fc.property(denseSheet, ({ rows, lastColumn, extraRows }) => {
        // The range may name rows past the last one SheetJS stored.
        const rowCount = rows.length + extraRows;
        const dense = copyOf(rows);
        const made = sheetFromDense('S', dense, rowLengths(dense, rowCount, lastColumn));
        expect(made).toEqual(plainSheet('S', copyOf(rows), rowCount, lastColumn));
        expect(dense.every((row) => row === undefined)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('tells how many rows are read every ROWS_PER_REPORT rows', () => {
    const dense: DenseRows = Array.from({ length: ROWS_PER_REPORT * 2 + 5 }, (_, r) => [
      { t: 'n', v: r },
    ]);
    const told: number[] = [];
    sheetFromDense('S', dense, rowLengths(dense, dense.length, 0), (rows) => told.push(rows));
    expect(told).toEqual([ROWS_PER_REPORT, ROWS_PER_REPORT * 2]);
  });

  it('reads a written workbook to the same texts as the plain read of it', () => {
    const value = fc.oneof(
      fc.constantFrom('', ' ', 'Hej – Søren', '4520123456', '+45 20 12 34 56', 'a"b;c'),
      fc.string(),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(value, { maxLength: 5 }), { maxLength: 12 }),
        fc.array(fc.array(value, { maxLength: 3 }), { maxLength: 4 }),
        (first, second) => {
          const book = XLSX.utils.book_new();
          XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(first), 'A');
          XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(second), 'B');
          const bytes = new Uint8Array(
            XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer,
          );
          // The plain read: the options the app read with before, every cell made into text.
          const plain = XLSX.read(bytes, {
            type: 'array',
            dense: true,
            cellHTML: false,
            cellFormula: false,
            sheetStubs: false,
          });
          const expected = plain.SheetNames.map((name) => {
            const sheet = plain.Sheets[name]!;
            const range = sheet['!ref'] ? XLSX.utils.decode_range(sheet['!ref']) : null;
            const dense = (sheet['!data'] ?? []) as DenseRows;
            return plainSheet(name, dense, range ? range.e.r + 1 : 0, range?.e.c ?? 0);
          });
          const read = readSpreadsheet('book.xlsx', bytes);
          if (expected.every((sheet) => sheet.header.length === 0)) {
            expect(read).toMatchObject({ ok: false, failure: { code: 'empty' } });
          } else expect(read.ok && read.sheets).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});
