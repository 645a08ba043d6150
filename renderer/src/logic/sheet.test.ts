import { describe, expect, it } from 'vitest';
import { allRows, cellAt, rowAt, sheetFromRows } from './sheet';

describe('a table from raw rows', () => {
  it('takes the first non-blank row as the header and skips blank rows', () => {
    const sheet = sheetFromRows('S', [
      [],
      ['', ' '],
      ['Phone', 'Text'],
      ['1', 'a'],
      ['', ''],
      ['2', 'b'],
    ]);
    expect(sheet.header).toEqual(['Phone', 'Text']);
    expect(allRows(sheet)).toEqual([
      ['1', 'a'],
      ['2', 'b'],
    ]);
    expect(sheet.sourceRows).toEqual([4, 6]);
  });

  it('pads short rows, widens for long ones and names every column uniquely', () => {
    const sheet = sheetFromRows('S', [['Name', '', 'Name'], ['a'], ['a', 'b', 'c', 'd']]);
    expect(sheet.header).toEqual(['Name', 'Column 2', 'Name (2)', 'Column 4']);
    expect(rowAt(sheet, 0)).toEqual(['a', '', '', '']);
  });

  it('is empty for no rows', () => {
    expect(sheetFromRows('S', [])).toEqual({
      name: 'S',
      header: [],
      rowCount: 0,
      columns: [],
      sourceRows: [],
    });
  });
});

describe('cells of a sheet', () => {
  it('gives each cell back exactly, by row and column', () => {
    const sheet = sheetFromRows('S', [
      ['Phone', 'Text'],
      ['+45 12 34 56 78', 'Hej 😀 “there”'],
      ['', ''],
      ['0045 87654321', ''],
      ['12345678', 'Line\nbreak'],
    ]);
    expect(sheet.rowCount).toBe(3);
    expect(cellAt(sheet, 0, 1)).toBe('Hej 😀 “there”');
    expect(cellAt(sheet, 1, 0)).toBe('0045 87654321');
    expect(cellAt(sheet, 1, 1)).toBe('');
    expect(cellAt(sheet, 2, 1)).toBe('Line\nbreak');
    expect(cellAt(sheet, 2, null)).toBe('');
    expect(rowAt(sheet, 2)).toEqual(['12345678', 'Line\nbreak']);
  });
});
