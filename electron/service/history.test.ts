// Issue 4, history: every batch remembered across restarts in a JSON file written atomically.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lock } from 'proper-lockfile';
import { describe, expect, it } from 'vitest';
import type { Batch } from '../../core/contract/api';
import { History, historyFile } from './history';

function batch(id: string, patch: Partial<Batch> = {}): Batch {
  return {
    id,
    campaign: 'c1',
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
    practice: true,
    test: false,
    cost: null,
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

  it('can be cleared of finished batches, and stays cleared; a batch on its way is kept', async () => {
    const file = historyFile(await folder());
    const { history } = await History.load(file);
    await history.put(batch('aaaaaaaaaa', { state: 'success' }));
    await history.put(batch('bbbbbbbbbb', { state: 'rejected' }));
    await history.put(batch('cccccccccc', { state: 'uploading' }));
    expect((await history.clear()).sort()).toEqual(['aaaaaaaaaa', 'bbbbbbbbbb']);
    expect(history.list().map((b) => b.id)).toEqual(['cccccccccc']);
    expect((await History.load(file)).history.list().map((b) => b.id)).toEqual(['cccccccccc']);
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

describe('the app and `sendsheet send` share one history file', () => {
  const at = (second: number) => `2026-11-25T10:00:${String(second).padStart(2, '0')}.000Z`;

  it('two writers at once: every batch of each is kept, and each sees the other’s', async () => {
    const file = historyFile(await folder());
    const app = (await History.load(file)).history;
    const send = (await History.load(file)).history;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => [
        app.put(batch(`app${String(i).padStart(7, '0')}`)),
        send.put(batch(`cli${String(i).padStart(7, '0')}`)),
      ]).flat(),
    );
    const ids = (await History.load(file)).history.list().map((b) => b.id);
    expect(ids).toHaveLength(40);
    await app.refresh();
    expect(app.list()).toHaveLength(40);
    expect(await readdir(join(file, '..'))).toEqual(['history.json']);
  });

  it('another process writing at the same time loses nothing (a real second process)', async () => {
    const file = historyFile(await folder());
    const mine = (await History.load(file)).history;
    const script = `
      import { History } from ${JSON.stringify(new URL('./history.ts', import.meta.url).pathname)};
      const { history } = await History.load(${JSON.stringify(file)});
      const writes = [];
      for (let i = 0; i < 30; i++) {
        writes.push(history.put({ id: 'other' + String(i).padStart(5, '0'), state: 'success',
          times: { uploading: '2026-11-25T10:00:00.000Z' }, progress: null }));
      }
      await Promise.all(writes);
    `;
    const other = new Promise<void>((done, fail) =>
      execFile(
        process.execPath,
        ['--import', 'tsx', '--input-type=module', '-e', script],
        (error) => (error ? fail(error) : done()),
      ),
    );
    for (let i = 0; i < 30; i++) await mine.put(batch(`mine${String(i).padStart(6, '0')}`));
    await other;
    await mine.put(batch('last000000'));
    const stored = (await History.load(file)).history.list();
    expect(stored.filter((b) => b.id.startsWith('other'))).toHaveLength(30);
    expect(stored.filter((b) => b.id.startsWith('mine'))).toHaveLength(30);
  }, 20_000);

  it('of a batch both know, the later change is kept, whoever writes last', async () => {
    const file = historyFile(await folder());
    const app = (await History.load(file)).history;
    const send = (await History.load(file)).history;
    await send.put(batch('aaaaaaaaaa', { state: 'uploading', times: { uploading: at(0) } }));
    await app.refresh();
    await send.put(
      batch('aaaaaaaaaa', { state: 'success', times: { uploading: at(0), success: at(5) } }),
    );
    // The app still holds the older state, and writes something else after.
    await app.put(batch('bbbbbbbbbb', { times: { uploading: at(6) } }));
    const stored = (await History.load(file)).history;
    expect(stored.get('aaaaaaaaaa')?.state).toBe('success');
    expect(stored.list().map((b) => b.id)).toEqual(['bbbbbbbbbb', 'aaaaaaaaaa']);
  });

  it('a clear in one process is not undone by the other’s next write', async () => {
    const file = historyFile(await folder());
    const app = (await History.load(file)).history;
    const send = (await History.load(file)).history;
    await app.put(
      batch('aaaaaaaaaa', {
        state: 'success',
        times: { uploading: '2020-01-01T00:00:00.000Z' },
      }),
    );
    await send.refresh();
    await app.clear();
    // The other process still holds the cleared batch; a batch it changes later stays.
    await send.put(batch('bbbbbbbbbb', { times: { uploading: '2999-01-01T00:00:00.000Z' } }));
    const ids = (await History.load(file)).history.list().map((b) => b.id);
    expect(ids).toEqual(['bbbbbbbbbb']);
  });

  it('waits for a writer holding the lock, and takes over a lock its owner left behind', async () => {
    const file = historyFile(await folder());
    const { history } = await History.load(file);
    const release = await lock(file, { realpath: false, stale: 5_000 });
    let written = false;
    const writing = history.put(batch('aaaaaaaaaa')).then(() => (written = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(written).toBe(false);
    await release();
    await writing;
    expect((await History.load(file)).history.list()).toHaveLength(1);

    // A process that died holding it: the lock is old, so it is stale.
    await mkdir(`${file}.lock`);
    const old = new Date(Date.now() - 60_000);
    await utimes(`${file}.lock`, old, old);
    await history.put(batch('bbbbbbbbbb'));
    expect((await History.load(file)).history.list()).toHaveLength(2);
  });
});

describe('issue 13: what one process at a time decides', () => {
  it('a batch an older version wrote gets what it did not know: its own campaign, practice by profile', async () => {
    const file = historyFile(await folder());
    const old = {
      ...batch('aaaaaaaaaa'),
      campaign: undefined,
      practice: undefined,
      test: undefined,
      cost: undefined,
    };
    await writeFile(file, JSON.stringify({ version: 1, batches: [old] }));
    expect((await History.load(file)).history.get('aaaaaaaaaa')).toMatchObject({
      campaign: 'aaaaaaaaaa',
      practice: true,
      test: false,
      cost: null,
    });
  });

  it('transactions of two processes run one after the other, each on what the other wrote', async () => {
    const file = historyFile(await folder());
    const a = (await History.load(file)).history;
    const b = (await History.load(file)).history;
    // Each puts a batch only if the other did not: exactly one of them gets to.
    const claim = (history: History, id: string) =>
      history.transaction(async (tx) => {
        if (tx.list().length > 0) return false;
        await new Promise((resolve) => setTimeout(resolve, 20));
        tx.put(batch(id));
        return true;
      });
    const results = await Promise.all([claim(a, 'aaaaaaaaaa'), claim(b, 'bbbbbbbbbb')]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await History.load(file)).history.list()).toHaveLength(1);
  });

  it('keeps who carries an unfinished batch, and forgets it once the batch is finished', async () => {
    const file = historyFile(await folder());
    const { history } = await History.load(file);
    const carrier = { pid: 12345, host: 'here', boot: 1 };
    await history.transaction((tx) => {
      tx.put(batch('aaaaaaaaaa'));
      tx.setCarrier('aaaaaaaaaa', carrier);
    });
    const again = (await History.load(file)).history;
    expect(again.carrier('aaaaaaaaaa')).toEqual(carrier);
    await again.put(
      batch('aaaaaaaaaa', { state: 'success', times: { success: '2030-01-01T00:00:00.000Z' } }),
    );
    expect((await History.load(file)).history.carrier('aaaaaaaaaa')).toBeNull();
  });
});
