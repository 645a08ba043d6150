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

/** A container (OLE2, or zip) holding files of these names, as Office writes documents. */
function container(fileType: 'cfb' | 'zip', files: Record<string, string>): Uint8Array {
  const cfb = XLSX.CFB.utils.cfb_new();
  for (const [name, text] of Object.entries(files)) {
    XLSX.CFB.utils.cfb_add(cfb, name, new TextEncoder().encode(text));
  }
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'array', fileType }) as ArrayBuffer);
}

const utf8 = (text: string) => new TextEncoder().encode(text);

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
    const read = readAnyFile('a.csv', utf8('a;b\r\n1;2\r\n'));
    expect(read.ok && read.kind).toBe('text');
    expect(read.ok && [read.encoding, read.delimiter]).toEqual(['utf-8', ';']);
  });

  it('reads a workbook by what it is, whatever its name', () => {
    const bytes = workbook('xlsx', { Ark1: [['Telefon'], [4512345678]] });
    const read = readAnyFile('list.txt', bytes);
    expect(read.ok && read.kind).toBe('spreadsheet');
  });

  it('tells how many rows it has read as it goes', () => {
    const rows = [['Telefon', 'Besked'], ...Array.from({ length: 25_000 }, (_, i) => [i, 'x'])];
    const seen: number[] = [];
    const read = readAnyFile('big.xlsx', workbook('xlsx', { S: rows }), (n) => seen.push(n));
    expect(read.ok).toBe(true);
    expect(seen).toEqual([10_000, 20_000]);
  });
});

describe('a file that is not a list says so, with what to do (issue 14)', () => {
  it('an empty file, of any kind', () => {
    for (const [name, bytes] of [
      ['empty.csv', new Uint8Array(0)],
      ['blank.csv', utf8('\r\n \r\n;;\r\n')],
      ['empty.xlsx', workbook('xlsx', { Ark1: [] })],
      ['empty.ods', workbook('ods', { Ark1: [], Ark2: [[]] })],
    ] as const) {
      expect(readAnyFile(name, bytes), name).toEqual({
        ok: false,
        failure: { code: 'empty', name },
      });
    }
  });

  it('a sheet with only its header is read, with no rows (the page says why)', () => {
    for (const [name, bytes] of [
      ['header.csv', utf8('Telefon;Besked\r\n')],
      ['header.xlsx', workbook('xlsx', { Ark1: [['Telefon', 'Besked']] })],
    ] as const) {
      const read = readAnyFile(name, bytes);
      expect(read.ok && read.sheets.map((s) => [s.header, s.rowCount]), name).toEqual([
        [['Telefon', 'Besked'], 0],
      ]);
    }
  });

  it.each([
    ['photo.txt', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 'png'],
    ['photo.csv', [0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46], 'jpeg'],
    ['anim.xlsx', [...utf8('GIF89a'), 1, 0, 1, 0], 'gif'],
    ['invoice.csv', [...utf8('%PDF-1.7\n%'), 0xe2, 0xe3], 'pdf'],
  ])('%s, a picture or PDF, by its first bytes', (name, bytes, type) => {
    const read = readAnyFile(name, new Uint8Array(bytes));
    expect(read).toMatchObject({ ok: false, failure: { code: 'not-spreadsheet', name, type } });
    expect(!read.ok && 'signature' in read.failure && read.failure.signature).toMatch(
      /^[0-9A-F]{2}( [0-9A-F]{2}){4,7}$/,
    );
  });

  it('a Word document, old (OLE2, as .xls is) or new (a zip without a workbook)', () => {
    const doc = container('cfb', { WordDocument: 'text', '1Table': 'x' });
    const docx = container('zip', { '[Content_Types].xml': '<x/>', 'word/document.xml': '<w/>' });
    const zip = container('zip', { 'photos/a.jpg': 'x', 'notes.txt': 'y' });
    expect(readAnyFile('list.xls', doc)).toMatchObject({ failure: { type: 'word' } });
    expect(readAnyFile('list.xlsx', docx)).toMatchObject({ failure: { type: 'word' } });
    expect(readAnyFile('list.xlsx', zip)).toMatchObject({ failure: { type: 'zip' } });
    // An .xls is OLE2 too: its Workbook stream says it is one.
    const xls = workbook('biff8', { Ark1: [['Telefon'], [4512345678]] });
    expect(readAnyFile('list.doc', xls).ok).toBe(true);
  });

  it('a workbook saved with a password', () => {
    const locked = container('cfb', { EncryptionInfo: 'x', EncryptedPackage: 'y' });
    expect(readAnyFile('list.xlsx', locked)).toEqual({
      ok: false,
      failure: { code: 'password', name: 'list.xlsx' },
    });
  });

  it('a damaged workbook, and a file of another kind', () => {
    const broken = readAnyFile('a.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect(broken).toMatchObject({ ok: false, failure: { code: 'damaged', name: 'a.xlsx' } });
    expect(readAnyFile('song.mp3', new Uint8Array([1]))).toEqual({
      ok: false,
      failure: { code: 'unsupported', name: 'song.mp3' },
    });
  });

  it('a text file that is not text: bytes no encoding reads, or binary that one does', () => {
    const bad = readAnyFile('a.csv', new Uint8Array([0xff, 0xfe, 0x41]));
    expect(bad).toMatchObject({ ok: false, failure: { code: 'not-text' } });
    const binary = new Uint8Array(300).map((_, i) => (i * 13) % 31);
    expect(readAnyFile('data.txt', binary)).toMatchObject({
      ok: false,
      failure: { code: 'not-text', problem: null },
    });
  });
});
