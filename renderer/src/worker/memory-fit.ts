/**
 * Whether the browser can hold a file, judged before it is read and again before the page takes
 * its sheet. In Chromium a script heap that runs out ends the whole tab, not only the script: a
 * reading worker out of heap took the page with it, with no error event to catch (Chromium 156,
 * a 5.4 MB workbook of 100,000 rows under `--max-old-space-size=80`; bench/PROFILE.md). So what
 * would not fit is refused, in words, while the page still runs. Chromium tells its heap's limit
 * and use (`performance.memory`); where a browser does not, nothing is refused here, and its
 * worker's out-of-memory error is said in the same words (read-file.ts).
 */
import type { ReadOutcome } from './read-outcome';
import { packOutcome } from './transfer';
import type { Packed } from './transfer';
import type { PackedOutcome } from './transfer';

const MIB = 1024 * 1024;

/** What a script heap may grow to and what it holds now, in bytes. */
export interface Heap {
  limit: number;
  used: number;
}

/**
 * Kept free of every estimate: the limit Chromium reports counts the young generation and the
 * heap's own overhead (measured: about 100-120 MiB over `--max-old-space-size` at 64-512 MiB).
 */
export const HEAP_RESERVE_BYTES = 128 * MIB;
/**
 * A workbook's reading takes this many heap bytes per byte of its unpacked parts (SheetJS's
 * cells, their texts, the rows and the columns made of them). Measured: the 100,000-row
 * workbook, 20.4 MB unpacked, needed 80-96 MiB of old space (4-5 per byte).
 */
export const READ_BYTES_PER_UNPACKED_BYTE = 5;
/**
 * A text file's or an old .xls file's reading, per byte of the file: the decoded text (two
 * bytes a character at most), the rows cut from it and the columns made of them.
 */
export const READ_BYTES_PER_FILE_BYTE = 8;
/**
 * What the page's preview holds for each row beyond the sheet's texts: its row number, its
 * phone number and message read, its checks (at most 330 bytes a row in all at 100,000 rows,
 * texts included; PROFILE.md).
 */
export const PAGE_BYTES_PER_ROW = 256;

interface MemoryInfo {
  jsHeapSizeLimit: number;
  usedJSHeapSize: number;
}

/**
 * This thread's heap as Chromium reports it, or null where the browser does not. Read anew at
 * each call: each reading is a snapshot. Chromium gives it precise and fresh only with
 * `--enable-precise-memory-info`, which the desktop app sets (electron/main/main.ts); without
 * it (a browser of the person's own, in headless mode) the use is rounded and the one of the
 * first asking, for twenty minutes, so later judgements there count from that.
 */
export function currentHeap(
  memory: MemoryInfo | undefined = (globalThis.performance as { memory?: MemoryInfo } | undefined)
    ?.memory,
): Heap | null {
  if (!memory || !(memory.jsHeapSizeLimit > 0)) return null;
  return { limit: memory.jsHeapSizeLimit, used: memory.usedJSHeapSize };
}

/** Whether `need` more bytes fit in `heap`; unknown heaps are not judged. */
export function fitsIn(need: number, heap: Heap | null): boolean {
  return heap === null || heap.used + need <= heap.limit - HEAP_RESERVE_BYTES;
}

/** The heap a reading of a file needs: from a workbook's unpacked parts, or the file's size. */
export function readNeed(source: { unpacked: number } | { fileBytes: number }): number {
  return 'unpacked' in source
    ? source.unpacked * READ_BYTES_PER_UNPACKED_BYTE
    : source.fileBytes * READ_BYTES_PER_FILE_BYTE;
}

/**
 * The heap the page needs to take a read sheet and preview it: each column's text as a string
 * (two heap bytes a unit at most), the row numbers, and the preview's rows.
 */
export function takeNeed(outcome: PackedOutcome): number {
  if (!outcome.ok) return 0;
  let need = 0;
  for (const sheet of outcome.sheets) need += 2 * sheet.units + sheet.rowCount * PAGE_BYTES_PER_ROW;
  return need;
}

const OUT_OF_MEMORY =
  /out of memory|allocation failed|memory limit|invalid (string|array|typed array) length/i;

/**
 * Whether a reader's error says it ran out of memory: a buffer or a string too large to make
 * (V8's RangeErrors, which a script can catch), or a worker ended for its heap (Firefox's
 * "out of memory").
 */
export function isOutOfMemory(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return OUT_OF_MEMORY.test(text);
}

/**
 * The worker's outcome packed for the page, or "too large for memory" where the page could not
 * hold it: the texts cross as strings, made in the page's heap as the message arrives, so what
 * would not fit beside what the page held when it asked (`heap`) is refused before it is sent.
 */
export function packWithin(outcome: ReadOutcome, name: string, heap: Heap | null): Packed {
  const refused = () => packOutcome({ ok: false, failure: { code: 'too-large-for-memory', name } });
  let packed: Packed;
  try {
    packed = packOutcome(outcome);
  } catch (error) {
    // Packing copies the row numbers once more.
    if (!isOutOfMemory(error)) throw error;
    return refused();
  }
  return fitsIn(takeNeed(packed.packed), heap) ? packed : refused();
}
