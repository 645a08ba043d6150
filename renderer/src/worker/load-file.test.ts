import { describe, expect, it } from 'vitest';
import { loadBytes, LOADING_REPORT_MS } from './load-file';
import type { ReadProgress } from './read-outcome';

/** A file read as a stream of `chunks`. */
function streamed(chunks: Uint8Array[]) {
  const size = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  return {
    size,
    arrayBuffer: async () => new ArrayBuffer(size),
    stream: () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          chunks.forEach((chunk) => controller.enqueue(chunk));
          controller.close();
        },
      }),
  };
}

describe("the reading worker loads the chosen file itself (issue 16: the bytes off the page's thread)", () => {
  it('tells the bytes loaded of a file read as a stream', async () => {
    const seen: ReadProgress[] = [];
    let clock = 0;
    const bytes = await loadBytes(
      streamed([new Uint8Array(4).fill(1), new Uint8Array(6).fill(2)]),
      (progress) => seen.push(progress),
      () => (clock += LOADING_REPORT_MS),
    );
    expect(seen).toEqual([
      { phase: 'loading', bytes: 4, total: 10 },
      { phase: 'loading', bytes: 10, total: 10 },
    ]);
    expect([...new Uint8Array(bytes)]).toEqual([1, 1, 1, 1, 2, 2, 2, 2, 2, 2]);
  });

  it('tells the loading at most once in LOADING_REPORT_MS, and always its end', async () => {
    const chunks = Array.from({ length: 8 }, (_, i) => new Uint8Array(2).fill(i));
    // Each piece comes 0.3 of LOADING_REPORT_MS after the one before it.
    const step = LOADING_REPORT_MS * 0.3;
    let clock = 0;
    const seen: ReadProgress[] = [];
    const bytes = await loadBytes(
      streamed(chunks),
      (progress) => seen.push(progress),
      () => (clock += step),
    );
    // Told at the first piece, at the fifth (1.2 of LOADING_REPORT_MS later), and at the end.
    expect(seen.map((progress) => (progress.phase === 'loading' ? progress.bytes : -1))).toEqual([
      2, 10, 16,
    ]);
    expect(new Uint8Array(bytes)).toHaveLength(16);
  });

  it('reads a file that grew while it was read as it was when chosen', async () => {
    const file = { ...streamed([new Uint8Array(6).fill(3), new Uint8Array(6).fill(4)]), size: 8 };
    const bytes = await loadBytes(
      file,
      () => {},
      () => 0,
    );
    expect([...new Uint8Array(bytes)]).toEqual([3, 3, 3, 3, 3, 3, 4, 4]);
  });

  it('reads a File with no stream whole', async () => {
    const seen: ReadProgress[] = [];
    const bytes = await loadBytes(
      { size: 3, arrayBuffer: async () => Uint8Array.of(7, 8, 9).buffer },
      (progress) => seen.push(progress),
      () => 0,
    );
    expect([...new Uint8Array(bytes)]).toEqual([7, 8, 9]);
    expect(seen).toEqual([]);
  });
});
