/**
 * A sheet of customers (number, name, message) of any number of rows, as .xlsx bytes: the
 * workbook the UI benches time (bench/workbooks.ts keeps it written) and the low-memory
 * end-to-end test opens.
 */
import * as XLSX from 'xlsx';

export function customersXlsx(rows: number): Buffer {
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
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}
