import { describe, expect, it } from 'vitest';
import { sheetFromRows } from './sheet';

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
    expect(sheet.rows).toEqual([
      ['1', 'a'],
      ['2', 'b'],
    ]);
    expect(sheet.sourceRows).toEqual([4, 6]);
  });

  it('pads short rows, widens for long ones and names every column uniquely', () => {
    const sheet = sheetFromRows('S', [['Name', '', 'Name'], ['a'], ['a', 'b', 'c', 'd']]);
    expect(sheet.header).toEqual(['Name', 'Column 2', 'Name (2)', 'Column 4']);
    expect(sheet.rows[0]).toEqual(['a', '', '', '']);
  });

  it('is empty for no rows', () => {
    expect(sheetFromRows('S', [])).toEqual({ name: 'S', header: [], rows: [], sourceRows: [] });
  });
});
