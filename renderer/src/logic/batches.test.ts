import { describe, expect, it } from 'vitest';
import { previewRowOf, rowsOfFiles } from './batches';

describe('rejection rows lead back to the preview (SPEC 8; issue 5, flow 7)', () => {
  // Preview rows 0..6 with row 2 left out as a repeat, split into files of 3 messages.
  const rowOf = [0, 1, 3, 4, 5, 6];

  it('gives each file the preview rows of its messages', () => {
    expect(rowsOfFiles([{ rows: 3 }, { rows: 3 }], rowOf)).toEqual([
      [0, 1, 3],
      [4, 5, 6],
    ]);
  });

  it('maps a file row (header is row 1) to its preview row', () => {
    const [, second] = rowsOfFiles([{ rows: 3 }, { rows: 3 }], rowOf);
    expect(previewRowOf(2, second!)).toBe(4);
    expect(previewRowOf(4, second!)).toBe(6);
    expect(previewRowOf(1, second!)).toBeNull();
    expect(previewRowOf(5, second!)).toBeNull();
    expect(previewRowOf(null, second!)).toBeNull();
  });
});
