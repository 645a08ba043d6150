import { readdir } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import type { Client } from 'basic-ftp';
import iconv from 'iconv-lite';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseCause } from '../../core/cause';
import { parseStageName } from '../../core/names';
import { Faults } from './faults';
import {
  answer,
  BAD_CSV,
  connect,
  download,
  finished,
  GOOD_CSV,
  names,
  startTestProvider,
  upload,
  waitForNames,
} from './ftp-test-util';
import type { TestProvider } from './ftp-test-util';
import { readOutbox } from './outbox';

let provider: TestProvider;
let a: Client;
let b: Client;

beforeAll(async () => {
  provider = await startTestProvider();
  a = await connect(provider, { server: 0 });
  b = await connect(provider, { server: 1 });
});

afterAll(async () => {
  a.close();
  b.close();
  await provider.close();
});

/** Each test works on names of its own; the folder is shared. */
let counter = 0;
function fresh(stem: string): string {
  return `${stem}-${++counter}.csv`;
}

describe('SPEC 1: life cycle, NAME.ready -> NAME.STAMP.processing -> NAME.STAMP.success', () => {
  it('an upload renamed to .ready becomes .success, its messages queued once with their batch', async () => {
    const base = fresh('good');
    await upload(a, base, GOOD_CSV);
    expect(await names(a)).toContain(base);
    await a.rename(base, `${base}.ready`);
    const found = await waitForNames(a, (n) => finished(n, base, 'success') !== undefined);
    const success = finished(found, base, 'success')!;
    const stage = parseStageName(success)!;
    expect(stage.base).toBe(base);
    expect(stage.stamp).toMatch(/^\d{8}T\d{6}$/);
    // STAMP is the UTC time processing started: within the last minute.
    const stamped = Date.UTC(
      +stage.stamp!.slice(0, 4),
      +stage.stamp!.slice(4, 6) - 1,
      +stage.stamp!.slice(6, 8),
      +stage.stamp!.slice(9, 11),
      +stage.stamp!.slice(11, 13),
      +stage.stamp!.slice(13, 15),
    );
    expect(Math.abs(Date.now() - stamped)).toBeLessThan(60_000);
    expect(found.filter((n) => n.startsWith(`${base}.`))).toEqual([success]);
    expect((await download(a, success)).toString()).toBe(GOOD_CSV);
    const records = (await readOutbox(provider.dir, 'demo')).filter(
      (r) => r.batch === `${base}.${stage.stamp}`,
    );
    expect(records).toEqual([
      {
        account: 'demo',
        batch: `${base}.${stage.stamp}`,
        row: 2,
        msisdn: '4512345678',
        message: 'Hello',
        sender: '',
        class: 'standard',
        userref: '',
        encoding: 'GSM-7',
        parts: 1,
      },
      {
        account: 'demo',
        batch: `${base}.${stage.stamp}`,
        row: 3,
        msisdn: '4512345679',
        message: 'Hi there',
        sender: '',
        class: 'standard',
        userref: '',
        encoding: 'GSM-7',
        parts: 1,
      },
    ]);
    const steps = provider.logs
      .filter((entry) => entry.file?.startsWith(`${base}.`))
      .map((entry) => entry.message);
    expect(steps).toEqual([
      'renamed from ' + base + ' on server A',
      `processing ${base}.ready`,
      'accepted: 2 messages, 2 SMS parts queued',
    ]);
  });

  it('a file stored directly as .ready is processed once the upload completes, and keeps its modifiers', async () => {
    const base = fresh('direct');
    const bytes = iconv.encode('msisdn;message;sender\r\n4512345678;Café;Shop\r\n', 'windows-1252');
    await upload(b, `${base}.excel.ready`, bytes);
    const found = await waitForNames(
      b,
      (n) => finished(n, `${base}.excel`, 'success') !== undefined,
    );
    const success = finished(found, `${base}.excel`, 'success')!;
    const records = (await readOutbox(provider.dir)).filter((r) =>
      r.batch.startsWith(`${base}.excel.`),
    );
    expect(records.map((r) => [r.msisdn, r.message, r.sender])).toEqual([
      ['4512345678', 'Café', 'Shop'],
    ]);
    expect(records[0]!.batch).toBe(success.slice(0, -'.success'.length));
  });

  it('a partial upload is never processed: a transfer that breaks leaves no file at all', async () => {
    const base = fresh('partial');
    const source = new PassThrough();
    const transfer = b.uploadFrom(source, `${base}.ready`);
    source.write('msisdn,message\n4512345678,Hel');
    await new Promise((resolve) => setTimeout(resolve, 100));
    source.destroy(new Error('the client broke off'));
    await expect(transfer).rejects.toThrow();
    b.close();
    b = await connect(provider, { server: 1 });
    // The server finds the upload broken off when it reads the closed connections, some time
    // after the client is gone: wait for it to say so, then for it to clear the part away.
    const brokenOff = () =>
      provider.logs.some(
        (e) =>
          e.file === `${base}.ready` && e.message.startsWith('upload broken off by the client'),
      );
    const patiently = { timeout: 20_000, interval: 20 };
    await expect.poll(brokenOff, patiently).toBe(true);
    await expect.poll(() => readdir(provider.layout.uploads), patiently).toEqual([]);
    await provider.idle();
    expect((await names(b)).filter((n) => n.startsWith(base))).toEqual([]);
  });
});

describe('SPEC 8: a rejected file gets its cause appended in its own encoding', () => {
  it('becomes .rejected, byte for byte as uploaded plus the cause, which core reads back', async () => {
    const base = fresh('bad');
    await upload(a, base, BAD_CSV);
    await a.rename(base, `${base}.ready`);
    const found = await waitForNames(a, (n) => finished(n, base, 'rejected') !== undefined);
    const bytes = await download(b, finished(found, base, 'rejected')!);
    expect(bytes.subarray(0, BAD_CSV.length).toString()).toBe(BAD_CSV);
    const cause = parseCause(bytes.toString());
    expect(cause?.problems).toEqual([
      { row: 2, column: 'msisdn', code: 'bad-msisdn', message: expect.stringContaining('"123"') },
    ]);
    expect((await readOutbox(provider.dir)).some((r) => r.batch.startsWith(`${base}.`))).toBe(
      false,
    );
  });

  it('appends in Windows-1252 and CR LF to a Windows-1252 CR LF file', async () => {
    const base = fresh('cp1252');
    const original = iconv.encode('msisdn;message\r\nSøren;Hej\r\n', 'windows-1252');
    await upload(a, `${base}.excel.ready`, original);
    const found = await waitForNames(
      a,
      (n) => finished(n, `${base}.excel`, 'rejected') !== undefined,
    );
    const bytes = await download(a, finished(found, `${base}.excel`, 'rejected')!);
    expect(bytes.subarray(0, original.length).equals(original)).toBe(true);
    const appended = bytes.subarray(original.length);
    expect(appended.toString('latin1')).toMatch(
      /^\r\n# REJECTED .*\r\n# row 2, column msisdn: bad-msisdn: .*"Søren".*\r\n$/,
    );
    expect(appended.includes(Buffer.from('ø', 'latin1'))).toBe(true);
  });
});

describe('SPEC 1: both servers show the same files', () => {
  it('a file uploaded to server A is listed, renamed and processed through server B', async () => {
    const base = fresh('shared');
    await upload(a, base, GOOD_CSV);
    expect(await names(b)).toContain(base);
    await b.rename(base, `${base}.ready`);
    const found = await waitForNames(a, (n) => finished(n, base, 'success') !== undefined);
    expect(await names(b)).toContain(finished(found, base, 'success'));
  });
});

describe("SPEC 1: rules on the server's files", () => {
  // A provider whose first file is held in `.processing` by a fault, to try the refusals on.
  let held: TestProvider;
  let client: Client;
  let processing: string;
  let release: () => void;
  let base: string;

  beforeAll(async () => {
    const faults = new Faults();
    held = await startTestProvider({ faults });
    client = await connect(held);
    const hold = faults.hold('queue');
    release = hold.release;
    base = fresh('held');
    await upload(client, `${base}.ready`, GOOD_CSV);
    processing = (await hold.reached).file;
  });

  afterAll(async () => {
    release();
    client.close();
    await held.close();
  });

  it('the file is listed as .processing while the server works on it', async () => {
    expect(await names(client)).toContain(processing);
    expect(processing).toMatch(new RegExp(`^${base}\\.\\d{8}T\\d{6}\\.processing$`));
  });

  it.each([
    ['DELE', () => `DELE ${processing}`, /^550 .*being processed: it cannot be deleted/],
    ['STOR over it', null, /^550 .*being processed: it cannot be overwritten/],
    ['RNFR/RNTO', null, /^550 .*being processed: it cannot be renamed/],
    ['RNTO onto a .processing name', null, /^550 .*a name the server gives files it is processing/],
    ['MKD', () => 'MKD sub', /^550 Folders cannot be created/],
    ['XMKD', () => 'XMKD sub', /^550 Folders cannot be created/],
    ['SITE CHMOD', () => `SITE CHMOD 777 ${processing}`, /^550 Permissions cannot be changed/],
    ['RMD', () => 'RMD /', /^550 /],
  ])('%s answers 550 with a clear text', async (what, command, expected) => {
    let reply: string;
    if (what === 'STOR over it') {
      reply = await upload(client, processing, 'x').then(
        () => 'stored',
        (error: Error) => error.message,
      );
    } else if (what === 'RNFR/RNTO') {
      reply = await client.rename(processing, 'elsewhere.csv').then(
        () => 'renamed',
        (error: Error) => error.message,
      );
    } else if (what === 'RNTO onto a .processing name') {
      await upload(client, 'plain.csv', 'x');
      reply = await client.rename('plain.csv', `plain.csv.20260101T000000.processing`).then(
        () => 'renamed',
        (error: Error) => error.message,
      );
    } else {
      reply = await answer(client, command!());
    }
    expect(reply).toMatch(expected);
    expect(await names(client)).toContain(processing);
  });

  it('a new file cannot take a .processing name either', async () => {
    const reply = await upload(client, 'x.20260101T000000.processing', 'x').then(
      () => 'stored',
      (e: Error) => e.message,
    );
    expect(reply).toMatch(/^550 .*a name the server gives files it is processing/);
    expect(await names(client)).not.toContain('x.20260101T000000.processing');
  });

  it('.success and .rejected files can be renamed and deleted', async () => {
    release();
    const found = await waitForNames(client, (n) => finished(n, base, 'success') !== undefined);
    const success = finished(found, base, 'success')!;
    await client.rename(success, 'kept.csv');
    expect(await names(client)).toContain('kept.csv');
    await client.remove('kept.csv');
    await upload(client, 'no.csv.ready', BAD_CSV);
    const rejected = finished(
      await waitForNames(client, (n) => finished(n, 'no.csv', 'rejected') !== undefined),
      'no.csv',
      'rejected',
    )!;
    await client.remove(rejected);
    expect((await names(client)).filter((n) => n === 'kept.csv' || n === rejected)).toEqual([]);
  });
});

describe('SPEC 1: exactly once, whichever server saw the rename', () => {
  it('both servers renaming half of 20 files each at the same moment: each file is processed once', async () => {
    const bases = Array.from({ length: 20 }, (_, i) => fresh(`race${i}`));
    for (const base of bases)
      await upload(
        a,
        base,
        `msisdn,message\n45123456${String(10 + counter).padStart(2, '0')},${base}\n`,
      );
    await Promise.all([
      (async () => {
        for (const base of bases.filter((_, i) => i % 2 === 0))
          await a.rename(base, `${base}.ready`);
      })(),
      (async () => {
        for (const base of bases.filter((_, i) => i % 2 === 1))
          await b.rename(base, `${base}.ready`);
      })(),
    ]);
    const found = await waitForNames(a, (n) => bases.every((base) => finished(n, base, 'success')));
    for (const base of bases) {
      expect(found.filter((n) => n.startsWith(`${base}.`))).toHaveLength(1);
    }
    await provider.idle();
    const records = (await readOutbox(provider.dir, 'demo')).filter((r) =>
      bases.some((base) => r.batch.startsWith(`${base}.`)),
    );
    expect(records.map((r) => r.message).sort()).toEqual([...bases].sort());
    const claims = provider.logs.filter((e) => e.message.startsWith('processing race')).length;
    expect(claims).toBe(20);
  });

  it('the same name uploaded again in the same second gets a new stamp, and both batches are queued', async () => {
    const base = fresh('again');
    await upload(a, `${base}.ready`, GOOD_CSV);
    await waitForNames(a, (n) => finished(n, base, 'success') !== undefined);
    await upload(a, `${base}.ready`, 'msisdn,message\n4512345678,Second\n');
    const found = await waitForNames(
      a,
      (n) =>
        n.filter((name) => name.startsWith(`${base}.`) && name.endsWith('.success')).length === 2,
      5000,
    );
    const stamps = found
      .filter((n) => n.startsWith(`${base}.`))
      .map((n) => parseStageName(n)!.stamp);
    expect(new Set(stamps).size).toBe(2);
    const messages = (await readOutbox(provider.dir))
      .filter((r) => r.batch.startsWith(`${base}.`))
      .map((r) => r.message);
    expect(messages).toEqual(['Hello', 'Hi there', 'Second']);
  });
});

describe('Issue 3: many clients at once', () => {
  it('20 clients upload and rename at once: every file processed, nothing lost', async () => {
    const clients = await Promise.all(
      Array.from({ length: 20 }, (_, i) => connect(provider, { server: (i % 2) as 0 | 1 })),
    );
    try {
      const bases = clients.map(() => fresh('crowd'));
      await Promise.all(
        clients.map(async (client, i) => {
          const rows = Array.from(
            { length: 50 },
            (_, row) => `45${String(20_000_000 + i * 100 + row)},Hello ${i}/${row}`,
          );
          await upload(client, bases[i]!, `msisdn,message\n${rows.join('\n')}\n`);
          await client.rename(bases[i]!, `${bases[i]}.ready`);
        }),
      );
      await waitForNames(a, (n) => bases.every((base) => finished(n, base, 'success')));
      const records = (await readOutbox(provider.dir)).filter((r) =>
        bases.some((base) => r.batch.startsWith(`${base}.`)),
      );
      expect(records).toHaveLength(20 * 50);
      expect(new Set(records.map((r) => r.message)).size).toBe(20 * 50);
    } finally {
      for (const client of clients) client.close();
    }
  });
});

afterEach(() => {
  expect(provider.logs.filter((entry) => entry.level === 'error')).toEqual([]);
});
