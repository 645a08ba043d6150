// Issue 4, history: every batch remembered across restarts in a JSON file written atomically.
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Batch } from './api';
import { History, historyFile } from './history';

function batch(id: string, patch: Partial<Batch> = {}): Batch {
  return {
    id,
    fileName: 'list.csv',
    uploadName: `list-${id}.csv.ready`,
    profile: 'emulated',
    server: 'A',
    note: null,
    rows: 2,
    parts: 2,
    bytes: 40,
    state: 'uploading',
    stamp: null,
    progress: { bytes: 10, total: 40, percent: 25 },
    times: { uploading: '2026-11-24T14:00:00.000Z' },
    cause: null,
    error: null,
    ...patch,
  };
}

async function folder(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'sendsheet-history-'));
}

describe('issue 4: the history survives a restart', () => {
  it('what was put is there when loaded again, newest first, without upload progress', async () => {
    const file = historyFile(await folder());
    const { history, warning } = await History.load(file);
    expect(warning).toBeNull();
    expect(history.list()).toEqual([]);
    await history.put(batch('aaaaaaaaaa'));
    await history.put(batch('bbbbbbbbbb', { state: 'success', stamp: '20261124T140001' }));
    await history.put(
      batch('aaaaaaaaaa', {
        state: 'rejected',
        cause: { at: '2026-11-24T14:00:02Z', total: 1, more: 0, problems: [] },
      }),
    );
    const again = (await History.load(file)).history;
    expect(again.list().map((b) => [b.id, b.state, b.progress])).toEqual([
      ['aaaaaaaaaa', 'rejected', null],
      ['bbbbbbbbbb', 'success', null],
    ]);
    expect(again.get('aaaaaaaaaa')?.cause?.at).toBe('2026-11-24T14:00:02Z');
  });

  it('many changes at once: the file ends with the last of each, and no temporary file is left', async () => {
    const dir = await folder();
    const { history } = await History.load(historyFile(dir));
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        history.put(batch(`b${String(i).padStart(9, '0')}`, { rows: i })),
      ),
    );
    const stored = JSON.parse(await readFile(historyFile(dir), 'utf8')) as {
      version: number;
      batches: Batch[];
    };
    expect(stored.version).toBe(1);
    expect(stored.batches.map((b) => b.rows)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(await readdir(dir)).toEqual(['history.json']);
  });

  it('can be cleared, and stays cleared', async () => {
    const file = historyFile(await folder());
    const { history } = await History.load(file);
    await history.put(batch('aaaaaaaaaa'));
    await history.put(batch('bbbbbbbbbb'));
    expect(await history.clear()).toBe(2);
    expect(history.list()).toEqual([]);
    expect((await History.load(file)).history.list()).toEqual([]);
  });

  it.each([['not json {'], ['{"version": 2, "batches": []}'], ['{"version": 1, "batches": [{}]}']])(
    'a file that is not a history (%s) is kept aside, not lost, and a new one started',
    async (content) => {
      const dir = await folder();
      await writeFile(historyFile(dir), content);
      const { history, warning } = await History.load(historyFile(dir));
      expect(history.list()).toEqual([]);
      expect(warning).toMatch(/could not be read; it was kept as .*history\.json\.unreadable-\d+/);
      const aside = (await readdir(dir)).find((name) =>
        name.startsWith('history.json.unreadable-'),
      )!;
      expect(await readFile(join(dir, aside), 'utf8')).toBe(content);
    },
  );
});
