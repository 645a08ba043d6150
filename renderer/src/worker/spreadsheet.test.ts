import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { allRows } from '../logic/sheet';
import { readAnyFile } from './spreadsheet';

function workbook(bookType: XLSX.BookType, sheets: Record<string, unknown[][]>): Uint8Array {
  const book = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) {
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), name);
  }
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType }) as ArrayBuffer);
}

describe('reading spreadsheets in the worker (issue 5, flow 1)', () => {
  it.each(['xlsx', 'ods', 'xls'] as const)(
    'reads every sheet of an .%s with numbers from their values',
    (type) => {
      const bytes = workbook(type === 'xls' ? 'biff8' : type, {
        Kunder: [['Telefon', 'Besked'], [4512345678, 'Hej Søren'], [], [4587654321, 'Hej']],
        Other: [['x']],
      });
      const read = readAnyFile(`list.${type}`, bytes);
      expect(read.ok).toBe(true);
      if (!read.ok) return;
      expect(read.kind).toBe('spreadsheet');
      expect(read.sheets.map((s) => s.name)).toEqual(['Kunder', 'Other']);
      expect(read.sheets[0]!.header).toEqual(['Telefon', 'Besked']);
      expect(allRows(read.sheets[0]!)).toEqual([
        ['4512345678', 'Hej Søren'],
        ['4587654321', 'Hej'],
      ]);
      expect(read.sheets[0]!.sourceRows).toEqual([2, 4]);
    },
  );

  it('keeps every digit of a number Excel shows in scientific notation', () => {
    const book = XLSX.utils.book_new();
    const sheet = XLSX.utils.aoa_to_sheet([['msisdn'], [4512345678]]);
    sheet['A2']!.z = '0.00E+00';
    XLSX.utils.book_append_sheet(book, sheet, 'S');
    const bytes = new Uint8Array(
      XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer,
    );
    const read = readAnyFile('a.xlsx', bytes);
    expect(read.ok && allRows(read.sheets[0]!)).toEqual([['4512345678']]);
  });

  it('issue 15: runs SheetJS 0.20.3, which fixes CVE-2023-30533 and CVE-2024-22363 of 0.18.5', () => {
    expect(XLSX.version).toBe('0.20.3');
  });

  it('reads CSV through core decoding', () => {
    const read = readAnyFile('a.csv', new TextEncoder().encode('a;b\r\n1;2\r\n'));
    expect(read.ok && read.kind).toBe('text');
    expect(read.ok && [read.encoding, read.delimiter]).toEqual(['utf-8', ';']);
  });

  it('says what to do with a file it cannot read', () => {
    const broken = readAnyFile('a.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.error).toMatch(/a\.xlsx/);
    const other = readAnyFile('photo.jpg', new Uint8Array([1]));
    expect(!other.ok && other.error).toMatch(/not a file Sendsheet reads/);
  });
});
