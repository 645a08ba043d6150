import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { MAX_CELLS, readSpreadsheet } from './spreadsheet';

/**
 * Issue 16: a workbook larger than the page can hold is refused with a message, never a crash.
 * The cap is MAX_CELLS (20 million: Excel's whole sheet of three columns is 3.1 million); it is
 * proven here at a lower cap, on a workbook of two sheets that passes it only together.
 */
describe('the cap on cells', () => {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    book,
    XLSX.utils.aoa_to_sheet([
      ['Telefon', 'Besked'],
      ['4520123456', 'Hej'],
      ['4520123457', 'Hej'],
    ]),
    'A',
  );
  XLSX.utils.book_append_sheet(
    book,
    XLSX.utils.aoa_to_sheet([
      ['x', 'y'],
      ['1', '2'],
    ]),
    'B',
  );
  const bytes = new Uint8Array(
    XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer,
  );

  it('refuses a workbook over it, in words, counting every sheet', () => {
    expect(readSpreadsheet('big.xlsx', bytes, () => {}, 9)).toMatchObject({
      ok: false,
      failure: { code: 'too-many-cells', name: 'big.xlsx', limit: 9 },
    });
  });

  it('reads one at it', () => {
    const read = readSpreadsheet('fits.xlsx', bytes, () => {}, 10);
    expect(read.ok && read.sheets.map((sheet) => sheet.rowCount)).toEqual([2, 1]);
  });

  it("holds Excel's whole sheet of a few columns", () => {
    expect(MAX_CELLS).toBeGreaterThan(1_048_576 * 10);
  });
});
