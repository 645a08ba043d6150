import { describe, expect, it } from 'vitest';
import { detectDelimiter, readDelimited } from './delimited';
import { allRows } from './sheet';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('CSV and text files of any encoding and delimiter (issue 5, flow 1)', () => {
  it('detects ; , and tab from the header row, outside quotes', () => {
    expect(detectDelimiter('a;b;c\n1,2,3,4,5')).toBe(';');
    expect(detectDelimiter('a,b\n')).toBe(',');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('"a;b;c",d\n')).toBe(',');
    expect(detectDelimiter('single')).toBe(',');
  });

  it('reads an Excel semicolon file in Windows-1252 through core decoding (SPEC 3)', () => {
    // "Hej Søren" with ø as the Windows-1252 byte 0xF8.
    const bytes = new Uint8Array([
      ...utf8('Telefon;Besked\r\n12345678;Hej S'),
      0xf8,
      ...utf8('ren\r\n'),
    ]);
    const read = readDelimited('list.csv', bytes);
    expect(read.ok && read.encoding).toBe('windows-1252');
    expect(read.ok && read.delimiter).toBe(';');
    expect(read.ok && allRows(read.sheet)).toEqual([['12345678', 'Hej Søren']]);
  });

  it('keeps quoted delimiters and line breaks inside a field (SPEC 4)', () => {
    const read = readDelimited(
      'a.csv',
      utf8('msisdn,message\n4512345678,"Hi, you\nthere ""x"""\n'),
    );
    expect(read.ok && allRows(read.sheet)).toEqual([['4512345678', 'Hi, you\nthere "x"']]);
  });

  it('reads a tab-delimited UTF-16 text file', () => {
    const text = '\ufeffPhone\tText\n4512345678\tHej\n';
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      bytes[i * 2] = text.charCodeAt(i) & 0xff;
      bytes[i * 2 + 1] = text.charCodeAt(i) >> 8;
    }
    const read = readDelimited('a.txt', bytes);
    expect(read.ok && read.encoding).toBe('utf-16le');
    expect(read.ok && read.sheet.header).toEqual(['Phone', 'Text']);
    expect(read.ok && allRows(read.sheet)).toEqual([['4512345678', 'Hej']]);
  });

  it('reports dialect problems instead of failing', () => {
    const read = readDelimited('a.csv', utf8('a,b\n1,"open\n'));
    expect(read.ok && read.problems.map((p) => p.code)).toEqual(['unclosed-quote']);
  });

  it("gives core's problem when the bytes cannot be text", () => {
    const read = readDelimited('a.csv', new Uint8Array([0x61, 0x81, 0x0a]));
    expect(read.ok).toBe(false);
    expect(!read.ok && read.problem.code).toBe('bad-encoding');
    expect(!read.ok && read.problem.offset).toBe(1);
  });

  it('tells a binary file that decodes by chance from text (issue 14)', () => {
    const binary = new Uint8Array(512).map((_, i) => (i * 7) % 32);
    expect(readDelimited('a.txt', binary)).toMatchObject({ ok: true, binary: true });
    expect(readDelimited('a.csv', utf8('a;b\r\n1;\t2\r\n'))).toMatchObject({ binary: false });
  });

  it('says how many rows it has read as it goes, and reads the same in pieces (issue 14)', () => {
    const lines = ['msisdn;message'];
    for (let i = 0; i < 40_000; i++) lines.push(`4520${100000 + i};"Hej\r\nnummer ${i}"`);
    const seen: number[] = [];
    const read = readDelimited('long.csv', utf8(lines.join('\r\n')), (rows) => seen.push(rows));
    expect(read.ok && read.sheet.rowCount).toBe(40_000);
    expect(read.ok && allRows(read.sheet)[39_999]).toEqual(['4520139999', 'Hej\r\nnummer 39999']);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });
});
