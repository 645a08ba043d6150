// @vitest-environment happy-dom
// Issue 14: reading a file can be stopped, and only the newest file chosen is shown.
import { describe, expect, it, vi } from 'vitest';
import type { Service } from '../../../core/contract/api';
import { sheetFromRows } from '../logic/sheet';
import type { ReadOptions } from '../worker/read-file';
import type { ReadOutcome } from '../worker/read-outcome';
import { useFile } from './file';

/** Each read waits for the test to answer it, as a slow worker would. */
const reads: { name: string; options: ReadOptions; answer: (o: ReadOutcome | null) => void }[] = [];
vi.mock('../worker/read-file', () => ({
  readTimeLimitMs: () => 60_000,
  readFileInWorker: (file: { name: string }, options: ReadOptions) =>
    new Promise<ReadOutcome | null>((answer) => reads.push({ name: file.name, options, answer })),
}));
window.sendsheet = { profiles: () => Promise.resolve([]) } as Partial<Service> as Service;

const list = (name: string): ReadOutcome => ({
  ok: true,
  kind: 'text',
  sheets: [sheetFromRows(name, [['Telefon'], ['20123456']])],
  encoding: 'utf-8',
  delimiter: ';',
  notes: [],
});

describe('reading a file (issue 14)', () => {
  it('shows how far it has come, with the time limit', async () => {
    const opening = useFile.getState().open(new File(['x'], 'big.csv'));
    const read = reads.at(-1)!;
    read.options.onProgress!({ phase: 'reading', rows: 30_000 });
    expect(useFile.getState().file).toMatchObject({
      status: 'reading',
      fileName: 'big.csv',
      limitMs: 60_000,
      progress: { phase: 'reading', rows: 30_000 },
    });
    read.answer(list('big.csv'));
    await opening;
    expect(useFile.getState().file.status).toBe('ready');
  });

  it('stopped, it ends the read and says which file was stopped', async () => {
    const opening = useFile.getState().open(new File(['x'], 'big.csv'));
    const read = reads.at(-1)!;
    useFile.getState().stopReading();
    expect(read.options.signal!.aborted).toBe(true);
    expect(useFile.getState().file).toEqual({ status: 'empty', stopped: 'big.csv' });
    read.answer(null);
    await opening;
    expect(useFile.getState().file).toEqual({ status: 'empty', stopped: 'big.csv' });
  });

  it('a file chosen while another is read replaces it, whichever ends first', async () => {
    const first = useFile.getState().open(new File(['x'], 'first.csv'));
    const firstRead = reads.at(-1)!;
    const second = useFile.getState().open(new File(['x'], 'second.csv'));
    const secondRead = reads.at(-1)!;
    expect(firstRead.options.signal!.aborted).toBe(true);
    secondRead.answer(list('second.csv'));
    await second;
    firstRead.answer(list('first.csv'));
    await first;
    const file = useFile.getState().file;
    expect(file.status === 'ready' && file.fileName).toBe('second.csv');
  });
});
