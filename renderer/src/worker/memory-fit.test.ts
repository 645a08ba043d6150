import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { sheetFromRows } from '../logic/sheet';
import {
  currentHeap,
  fitsIn,
  HEAP_RESERVE_BYTES,
  isOutOfMemory,
  PAGE_BYTES_PER_ROW,
  READ_BYTES_PER_FILE_BYTE,
  READ_BYTES_PER_UNPACKED_BYTE,
  readNeed,
  packWithin,
  takeNeed,
} from './memory-fit';
import type { ReadOutcome } from './read-outcome';
import { readAnyFile } from './spreadsheet';
import { packOutcome } from './transfer';

const MIB = 1024 * 1024;

/** A text file's reading of `rows`, its first the header. */
function textOutcome(rows: string[][]): ReadOutcome {
  return {
    ok: true,
    kind: 'text',
    sheets: [sheetFromRows('Ark1', rows)],
    encoding: 'utf-8',
    delimiter: ';',
    notes: [],
  };
}

/**
 * Issue 16: a message, not a crash, where the browser cannot hold a file. Chromium ends the tab
 * when a heap runs out, so the limits are judged before (e2e/low-memory.spec.ts runs it for real).
 */
describe("the browser's heap, as Chromium tells it", () => {
  it('is read from performance.memory, and unknown where there is none', () => {
    expect(currentHeap({ jsHeapSizeLimit: 512 * MIB, usedJSHeapSize: 20 * MIB })).toEqual({
      limit: 512 * MIB,
      used: 20 * MIB,
    });
    expect(currentHeap(undefined)).toBeNull();
    expect(currentHeap({ jsHeapSizeLimit: 0, usedJSHeapSize: 0 })).toBeNull();
  });

  it('fits what leaves the reserve free over what is used, and judges no unknown heap', () => {
    const heap = { limit: 300 * MIB, used: 100 * MIB };
    const room = heap.limit - HEAP_RESERVE_BYTES - heap.used;
    expect(fitsIn(room, heap)).toBe(true);
    expect(fitsIn(room + 1, heap)).toBe(false);
    expect(fitsIn(Number.MAX_SAFE_INTEGER, null)).toBe(true);
  });

  it('gives a whole Excel sheet room under the heap Chromium gives a page by default', () => {
    // 1,048,575 rows: 57 MiB packed, about 215 MB unpacked (the bench's 100,000: 20.4 MB).
    const defaultHeap = { limit: 3585 * MIB, used: 100 * MIB };
    expect(fitsIn(readNeed({ unpacked: 215_000_000 }), defaultHeap)).toBe(true);
    // And any text file under the 100 MiB read at all.
    expect(fitsIn(readNeed({ fileBytes: 100 * MIB }), defaultHeap)).toBe(true);
  });
});

describe("a reading's need", () => {
  it("is a workbook's unpacked size or a file's own, times what reading each byte takes", () => {
    expect(readNeed({ unpacked: 1000 })).toBe(1000 * READ_BYTES_PER_UNPACKED_BYTE);
    expect(readNeed({ fileBytes: 1000 })).toBe(1000 * READ_BYTES_PER_FILE_BYTE);
  });

  it("is the page's: two bytes a unit of each column's text, and each row's preview", () => {
    const rows = [
      ['Telefon', 'Besked'],
      ['4520123456', 'Hej – ø'],
      ['4520123457', 'x'],
    ];
    const { packed } = packOutcome(textOutcome(rows));
    const units = '45201234564520123457Hej – øx'.length;
    expect(takeNeed(packed)).toBe(2 * units + 2 * PAGE_BYTES_PER_ROW);
    expect(takeNeed({ ok: false, failure: { code: 'empty', name: 'a.csv' } })).toBe(0);
  });

  it('is judged in the worker before the texts are sent, against what the page held', () => {
    const rows = [['Telefon'], ['4520123456'], ['4520123457']];
    const outcome = textOutcome(rows);
    const need = takeNeed(packOutcome(outcome).packed);
    const page = (used: number) => ({ limit: HEAP_RESERVE_BYTES + 10 * MIB, used });
    expect(packWithin(outcome, 'a.csv', page(10 * MIB - need)).packed).toMatchObject({ ok: true });
    expect(packWithin(outcome, 'a.csv', page(10 * MIB - need + 1)).packed).toEqual({
      ok: false,
      failure: { code: 'too-large-for-memory', name: 'a.csv' },
    });
    expect(packWithin(outcome, 'a.csv', null).packed).toMatchObject({ ok: true });
  });
});

describe("the worker's reading refuses what its heap cannot hold, unread", () => {
  const rows = [['Telefon', 'Besked']];
  // Compresses well: the file is small, its unpacked parts many times larger.
  for (let i = 0; i < 2000; i++) rows.push([String(4520000000 + i), 'Hej, din ordre er klar']);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Kunder');
  const xlsx = new Uint8Array(
    XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer,
  );
  const csv = new TextEncoder().encode(rows.map((row) => row.join(';')).join('\r\n'));
  const heapFor = (need: number) => HEAP_RESERVE_BYTES + need;

  it('judges a workbook by its unpacked size, not its packed one', () => {
    const unpacked = readNeed({ unpacked: xlsx.length * 3 });
    expect(readAnyFile('list.xlsx', xlsx, () => {}, heapFor(unpacked))).toEqual({
      ok: false,
      failure: { code: 'too-large-for-memory', name: 'list.xlsx' },
    });
    expect(readAnyFile('list.xlsx', xlsx, () => {}, heapFor(100 * MIB)).ok).toBe(true);
  });

  it('judges a text file by its size', () => {
    const need = readNeed({ fileBytes: csv.length });
    expect(readAnyFile('list.csv', csv, () => {}, heapFor(need - 1))).toEqual({
      ok: false,
      failure: { code: 'too-large-for-memory', name: 'list.csv' },
    });
    expect(readAnyFile('list.csv', csv, () => {}, heapFor(need)).ok).toBe(true);
  });

  it('reads anything where the heap is unknown', () => {
    expect(readAnyFile('list.csv', csv).ok).toBe(true);
  });
});

describe("an error that says the reader's memory ran out", () => {
  it.each([
    new RangeError('Array buffer allocation failed'),
    new RangeError('Invalid string length'),
    new RangeError('Invalid typed array length: 4294967296'),
    'Uncaught out of memory',
    'Worker terminated due to reaching memory limit: JS heap out of memory',
  ])('is one: %s', (error) => expect(isOutOfMemory(error)).toBe(true));

  it.each([new TypeError('x is undefined'), 'Bad compressed size', new RangeError('Bad index')])(
    'is not one: %s',
    (error) => expect(isOutOfMemory(error)).toBe(false),
  );
});
