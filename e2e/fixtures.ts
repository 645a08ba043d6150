/**
 * The customer files of the end-to-end tests, made here so their content is plain to read: the
 * same three people as an .xlsx (numbers stored as numbers, one shown as 4.51E+09), an .ods, and
 * a Windows-1252 Excel CSV with semicolons.
 */
import * as XLSX from 'xlsx';
import { encodeWindows1252 } from '../core/windows1252';
import type { OutgoingMessage } from '../core/writer';

/** 80 characters with a curly apostrophe: UCS-2, 2 parts; with `'`, GSM-7, 1 part. */
export const LOOKALIKE_MESSAGE = `Hi Ann, it’s ready: your order can be picked up at the shop today until six pm.`;
/** û is not GSM-7 but is Windows-1252: UCS-2, 1 part, and no look-alike to replace. */
export const UCS2_MESSAGE = 'Hej Bø, crème brûlée i dag';
/** 170 GSM-7 characters: 2 parts. */
export const LONG_MESSAGE = `Dear Cy, ${'a'.repeat(161)}`;

export const HEADER = ['Telefon', 'Navn', 'Besked'];
export const ROWS: (string | number)[][] = [
  [4520123456, 'Ann', LOOKALIKE_MESSAGE],
  ['+45 20 12 34 57', 'Bo', UCS2_MESSAGE],
  ['0045 20123458', 'Cy', LONG_MESSAGE],
];

/** What the app must export after the look-alikes are replaced. */
export const EXPECTED_MESSAGES: OutgoingMessage[] = [
  { msisdn: '4520123456', message: LOOKALIKE_MESSAGE.replace('’', "'") },
  { msisdn: '4520123457', message: UCS2_MESSAGE },
  { msisdn: '4520123458', message: LONG_MESSAGE },
];

function workbook(bookType: XLSX.BookType): Uint8Array {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    book,
    XLSX.utils.aoa_to_sheet([['Notes'], ['Campaign for November']]),
    'Notes',
  );
  const sheet = XLSX.utils.aoa_to_sheet([HEADER, ...ROWS]);
  // Excel shows a long number in a narrow General column as 4.52E+09; the value keeps every digit.
  sheet['A2']!.z = '0.00E+00';
  XLSX.utils.book_append_sheet(book, sheet, 'Customers');
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType }) as ArrayBuffer);
}

function excelCsv(rows: (string | number)[][]): Uint8Array {
  const text = rows.map((row) => row.map((cell) => String(cell)).join(';')).join('\r\n') + '\r\n';
  return encodeWindows1252(text)!;
}

export interface Fixture {
  name: string;
  bytes: Uint8Array;
}

export const FIXTURES: Fixture[] = [
  { name: 'november.xlsx', bytes: workbook('xlsx') },
  { name: 'november.ods', bytes: workbook('ods') },
  { name: 'november.csv', bytes: excelCsv([HEADER, ...ROWS]) },
];

/** A list the provider would reject: a number that is not one, and an empty message. */
export const BAD_FILE: Fixture = {
  name: 'broken.csv',
  bytes: excelCsv([HEADER, ['call me', 'Ann', 'Hi'], ['4520123457', 'Bo', '']]),
};
