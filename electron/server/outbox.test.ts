import { mkdir, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../core/values';
import { layoutOf } from './layout';
import { batchExists, commitBatch, readOutbox } from './outbox';

function message(row: number, text: string): Message {
  return {
    row,
    msisdn: `45123456${row}0`,
    message: text,
    sender: 'Shop',
    class: 'premium',
    userref: `r${row}`,
    encoding: 'GSM-7',
    parts: 1,
  };
}

async function freshLayout() {
  const layout = layoutOf(await mkdtemp(join(tmpdir(), 'sendsheet-outbox-')));
  await mkdir(layout.tmp, { recursive: true });
  return layout;
}

describe('SPEC 9: a batch is queued whole and once', () => {
  it('queues a batch, and a second commit of the same batch writes nothing', async () => {
    const layout = await freshLayout();
    expect(await batchExists(layout.outbox, 'alice', 'a.csv.20261124T140000')).toBe(false);
    expect(
      await commitBatch(layout.outbox, layout.tmp, 'alice', 'a.csv.20261124T140000', [
        [message(2, 'one'), message(3, 'two')],
      ]),
    ).toBe('queued');
    expect(await batchExists(layout.outbox, 'alice', 'a.csv.20261124T140000')).toBe(true);
    const before = await readFile(
      join(layout.outbox, 'alice', 'a.csv.20261124T140000.jsonl'),
      'utf8',
    );
    expect(
      await commitBatch(layout.outbox, layout.tmp, 'alice', 'a.csv.20261124T140000', [
        [message(2, 'changed')],
      ]),
    ).toBe('already');
    expect(
      await readFile(join(layout.outbox, 'alice', 'a.csv.20261124T140000.jsonl'), 'utf8'),
    ).toBe(before);
    expect(await readdir(layout.tmp)).toEqual([]);
  });

  it('of two commits racing for one batch, exactly one queues it', async () => {
    const layout = await freshLayout();
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        commitBatch(layout.outbox, layout.tmp, 'bob', 'x.20261124T140000', [[message(2, 'hi')]]),
      ),
    );
    expect(results.filter((r) => r === 'queued')).toHaveLength(1);
    expect(await readOutbox(layout.dir, 'bob')).toHaveLength(1);
  });

  it('reads every record with its batch, in processing order, per account or for all', async () => {
    const layout = await freshLayout();
    await commitBatch(layout.outbox, layout.tmp, 'bob', 'z.csv.20261124T140001', [
      [message(2, 'later')],
    ]);
    await commitBatch(layout.outbox, layout.tmp, 'bob', 'a.csv.20261124T140002', [
      [message(2, 'latest')],
    ]);
    await commitBatch(layout.outbox, layout.tmp, 'bob', 'm.csv.20261124T140000', [
      [message(2, 'first'), message(3, 'second, with "quotes"\nand a line')],
    ]);
    await commitBatch(layout.outbox, layout.tmp, 'alice', 'a.csv.20261124T150000', [
      [message(2, 'alice')],
    ]);
    const bob = await readOutbox(layout.dir, 'bob');
    expect(bob.map((r) => [r.batch, r.row, r.message])).toEqual([
      ['m.csv.20261124T140000', 2, 'first'],
      ['m.csv.20261124T140000', 3, 'second, with "quotes"\nand a line'],
      ['z.csv.20261124T140001', 2, 'later'],
      ['a.csv.20261124T140002', 2, 'latest'],
    ]);
    expect(bob[0]).toEqual({
      account: 'bob',
      batch: 'm.csv.20261124T140000',
      row: 2,
      msisdn: '4512345620',
      message: 'first',
      sender: 'Shop',
      class: 'premium',
      userref: 'r2',
      encoding: 'GSM-7',
      parts: 1,
    });
    expect((await readOutbox(layout.dir)).map((r) => r.account)).toEqual([
      'alice',
      'bob',
      'bob',
      'bob',
      'bob',
    ]);
    expect(await readOutbox(layout.dir, 'nobody')).toEqual([]);
    expect(await readOutbox(join(layout.dir, 'missing'))).toEqual([]);
  });

  it('reads back any text exactly: backslashes, control characters, emoji, lone surrogates', async () => {
    const layout = await freshLayout();
    const texts = [
      'back\\slash',
      'tab\there',
      'bell\u0007',
      'emoji 😀',
      'lone \ud800 surrogate',
      'plain',
      '"',
    ];
    await commitBatch(layout.outbox, layout.tmp, 'x', 't.20261124T140000', [
      texts.map((text, i) => message(i + 2, text)),
    ]);
    expect((await readOutbox(layout.dir, 'x')).map((r) => r.message)).toEqual(texts);
  });
});
