/**
 * The UI benches' workbooks: a sheet of customers (number, name, message) of any number of
 * rows, written once into bench/.data and reused. Excel's whole sheet, 1,048,576 rows with the
 * header, takes SheetJS a minute or more to write here, so it is kept.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { DATA_DIR } from './fixtures';

/** Excel's maximum: 1,048,576 rows, the header and this many data rows. */
export const EXCEL_MAX_ROWS = 1_048_575;

function customers(rows: number): XLSX.WorkBook {
  const sheet: (string | number)[][] = [['Telefon', 'Navn', 'Besked']];
  for (let i = 0; i < rows; i++) {
    sheet.push([
      4520100000 + i,
      `Kunde ${i}`,
      `Hej Kunde ${i}, din ordre ${100000 + i} er klar – hent den i butikken i dag.`,
    ]);
  }
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(sheet), 'Kunder');
  return book;
}

/** The workbook of `rows` customers as .xlsx bytes, written on first use. */
export function customersWorkbook(rows: number): Buffer {
  mkdirSync(DATA_DIR, { recursive: true });
  const path = join(DATA_DIR, `customers-${rows}.xlsx`);
  if (!existsSync(path)) {
    const bytes = XLSX.write(customers(rows), {
      type: 'buffer',
      bookType: 'xlsx',
      compression: true,
    }) as Buffer;
    // Whole or not at all: a bench stopped while writing leaves no half a workbook.
    writeFileSync(`${path}.part`, bytes);
    renameSync(`${path}.part`, path);
  }
  return readFileSync(path);
}
