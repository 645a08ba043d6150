/**
 * The UI benches' workbooks: a sheet of customers (number, name, message) of any number of
 * rows, written once into bench/.data and reused. Excel's whole sheet, 1,048,576 rows with the
 * header, takes SheetJS a minute or more to write here, so it is kept.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { customersXlsx } from '../e2e/customers-workbook';
import { DATA_DIR } from './fixtures';

/** Excel's maximum: 1,048,576 rows, the header and this many data rows. */
export const EXCEL_MAX_ROWS = 1_048_575;

/** The workbook of `rows` customers as .xlsx bytes, written on first use. */
export function customersWorkbook(rows: number): Buffer {
  mkdirSync(DATA_DIR, { recursive: true });
  const path = join(DATA_DIR, `customers-${rows}.xlsx`);
  if (!existsSync(path)) {
    const bytes = customersXlsx(rows);
    // Whole or not at all: a bench stopped while writing leaves no half a workbook.
    writeFileSync(`${path}.part`, bytes);
    renameSync(`${path}.part`, path);
  }
  return readFileSync(path);
}
