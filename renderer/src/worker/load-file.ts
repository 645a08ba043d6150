/**
 * A chosen file's bytes, read by the reading worker itself (read-worker.ts): the page posts the
 * File, a reference, so its bytes are read once, off the page's thread, and never cross it.
 */
import type { ReadProgress } from './read-outcome';

/**
 * The loading is told at most this often, and at its end: a file comes in pieces of tens of KiB,
 * and a report for each drew the page again for every piece before the read could begin.
 */
export const LOADING_REPORT_MS = 100;

/** A file as it is read: a File, or a test's own. */
export interface ChosenFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
  stream?(): ReadableStream<Uint8Array>;
}

/** The file's bytes, told as they come when the file can be read as a stream. */
export async function loadBytes(
  file: Pick<ChosenFile, 'size' | 'arrayBuffer' | 'stream'>,
  onProgress: (progress: ReadProgress) => void,
  now: () => number,
): Promise<ArrayBuffer> {
  if (!file.stream) return file.arrayBuffer();
  const reader = file.stream().getReader();
  const bytes = new Uint8Array(file.size);
  let at = 0;
  let toldAt = -Infinity;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    // A file that grew while it was read is read as it was when chosen.
    const room = Math.min(value.length, bytes.length - at);
    bytes.set(value.subarray(0, room), at);
    at += room;
    const time = now();
    if (time - toldAt >= LOADING_REPORT_MS || at === bytes.length) {
      toldAt = time;
      onProgress({ phase: 'loading', bytes: at, total: file.size });
    }
  }
  return at === bytes.length ? bytes.buffer : bytes.slice(0, at).buffer;
}
