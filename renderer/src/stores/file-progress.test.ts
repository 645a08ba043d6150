// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { sheetFromRows } from '../logic/sheet';
import type { FileState } from './file';
import { useFile } from './file';

// The worker's read, as it answers for a sheet of three rows: what follows it is under test.
vi.mock('../worker/read-file', () => ({
  readTimeLimitMs: () => 60_000,
  readFileInWorker: async () => ({
    ok: true,
    kind: 'spreadsheet',
    sheets: [
      sheetFromRows('S', [
        ['Telefon', 'Besked'],
        ['4520123456', 'Hej'],
        ['4520123457', 'Hej'],
        ['4520123458', 'Hej'],
      ]),
    ],
    encoding: null,
    delimiter: null,
    notes: [],
  }),
}));
// The profiles are asked for after a file is read; no service here.
vi.mock('./sending', () => ({
  useSending: { getState: () => ({ loadProfiles: async () => {}, clearResult: () => {} }) },
}));

describe("the file store's progress (issue 16)", () => {
  it('says the preview is being built, with its rows, in a frame before it is', async () => {
    const seen: FileState[] = [];
    const stop = useFile.subscribe((state) => seen.push(state.file));
    await useFile.getState().open(new File(['x'], 'list.xlsx'));
    stop();
    expect(seen.map((file) => file.status)).toEqual(['reading', 'reading', 'ready']);
    expect(seen[0]).toMatchObject({ status: 'reading', fileName: 'list.xlsx' });
    expect(seen[0]).not.toHaveProperty('building');
    expect(seen[1]).toMatchObject({ status: 'reading', fileName: 'list.xlsx', building: 3 });
  });
});
